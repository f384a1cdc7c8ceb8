import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type * as DocxModule from 'docx';

/** The docx package, loaded by the first document written. */
let D: typeof DocxModule;

/**
 * Ways a word processor lays a report out: the document is written as DOCX with the `docx`
 * package and LibreOffice (as Word, WPS or LibreOffice users export) turns it into a PDF. Page
 * sizes, fonts, sizes, exact and proportional line spacing, the 公文 line grid, justified and
 * ragged, with and without a first-line indent or space after each paragraph, page numbers.
 */
export interface OfficeLayout {
  name: string;
  /** Page width × height in mm. */
  page: [number, number];
  /** Margins top, right, bottom, left in mm. */
  margin: [number, number, number, number];
  font: string;
  /** Font size in points. */
  size: number;
  /** Line pitch: exact points, or a multiple of single spacing. */
  line: { exact: number } | { multiple: number };
  /** First-line indent in characters. */
  indent: number;
  /** Space after each paragraph in points. */
  after: number;
  align: 'justify' | 'left';
  /** The 公文 grid: lines per page × characters per line. */
  grid?: [number, number];
  /** Page numbers in the footer, as `— N —` (公文) or a bare number. */
  pageNumbers: 'dash' | 'plain' | null;
  /** Glossary markers set as superscripts (`“六稳”¹`), as Word users do, rather than in the line. */
  superscriptMarkers?: boolean;
}

export const soffice = '/usr/bin/soffice';

const A4: [number, number] = [210, 297];
const LETTER: [number, number] = [215.9, 279.4];
const A5: [number, number] = [148, 210];
const B5: [number, number] = [176, 250];

/** Layouts the paragraph reader was tuned on. */
export const OFFICE_LAYOUTS: OfficeLayout[] = [
  {
    name: 'office-gongwen-a4-grid',
    page: A4,
    margin: [37, 26, 35, 28],
    font: '仿宋_GB2312',
    size: 16,
    line: { exact: 28.95 },
    indent: 2,
    after: 0,
    align: 'justify',
    grid: [22, 28],
    pageNumbers: 'dash',
  },
  {
    name: 'office-letter-noindent-after6',
    page: LETTER,
    margin: [25.4, 25.4, 25.4, 25.4],
    font: 'Noto Serif CJK SC',
    size: 11,
    line: { multiple: 1.15 },
    indent: 0,
    after: 6,
    align: 'left',
    pageNumbers: 'plain',
  },
  {
    name: 'office-a5-indent-justify',
    page: A5,
    margin: [15, 15, 15, 15],
    font: 'Noto Sans CJK SC',
    size: 10.5,
    line: { multiple: 1 },
    indent: 2,
    after: 0,
    align: 'justify',
    pageNumbers: null,
  },
  {
    name: 'office-b5-serif-exact-indent-after',
    page: B5,
    margin: [20, 18, 20, 18],
    font: 'Noto Serif CJK SC',
    size: 12,
    line: { exact: 20 },
    indent: 2,
    after: 4,
    align: 'justify',
    pageNumbers: 'plain',
  },
  {
    name: 'office-a4-sans-noindent-after10-justify',
    page: A4,
    margin: [30, 30, 30, 30],
    font: 'Noto Sans CJK SC',
    size: 12,
    line: { multiple: 1.5 },
    indent: 0,
    after: 10,
    align: 'justify',
    pageNumbers: 'dash',
  },
  {
    name: 'office-a4-serif-left-noindent-exact22-after12',
    page: A4,
    margin: [25, 25, 25, 25],
    font: 'Noto Serif CJK SC',
    size: 12,
    line: { exact: 22 },
    indent: 0,
    after: 12,
    align: 'left',
    pageNumbers: 'plain',
  },
  {
    name: 'office-a4-serif-superscript-markers',
    page: A4,
    margin: [25, 25, 25, 25],
    font: 'Noto Serif CJK SC',
    size: 12,
    line: { multiple: 1.3 },
    indent: 0,
    after: 6,
    align: 'justify',
    pageNumbers: 'plain',
    superscriptMarkers: true,
  },
];

/** Layouts the reader was never run on while it was tuned (added after, figures reported apart). */
export const OFFICE_HELD_OUT: OfficeLayout[] = [
  {
    name: 'office-letter-sans-indent-1.25',
    page: LETTER,
    margin: [20, 22, 20, 22],
    font: 'Noto Sans CJK SC',
    size: 13,
    line: { multiple: 1.25 },
    indent: 2,
    after: 0,
    align: 'justify',
    pageNumbers: 'dash',
  },
  {
    name: 'office-a5-gongwen-grid-small',
    page: A5,
    margin: [20, 15, 18, 16],
    font: '仿宋_GB2312',
    size: 12,
    line: { exact: 20 },
    indent: 2,
    after: 0,
    align: 'justify',
    grid: [22, 24],
    pageNumbers: 'dash',
  },
];

const TWIP_PER_MM = 56.6929;
const mm = (v: number) => Math.round(v * TWIP_PER_MM);

/** The paragraphs as a DOCX in the layout. */
async function officeDocx(paragraphs: string[], l: OfficeLayout): Promise<Buffer> {
  D ??= await import('docx');
  const footer =
    l.pageNumbers &&
    new D.Footer({
      children: [
        new D.Paragraph({
          alignment: D.AlignmentType.CENTER,
          children: [
            new D.TextRun({
              children:
                l.pageNumbers === 'dash' ? ['— ', D.PageNumber.CURRENT, ' —'] : [D.PageNumber.CURRENT],
            }),
          ],
        }),
      ],
    });
  const [width, height] = l.page;
  const [top, right, bottom, left] = l.margin;
  const spacing =
    'exact' in l.line
      ? { line: Math.round(l.line.exact * 20), lineRule: D.LineRuleType.EXACT, after: l.after * 20 }
      : { line: Math.round(l.line.multiple * 240), lineRule: D.LineRuleType.AUTO, after: l.after * 20 };
  const doc = new D.Document({
    styles: {
      // The grid's character pitch counts from the default size, as in a real 公文 template.
      default: { document: { run: { size: Math.round(l.size * 2), font: l.font } } },
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: { eastAsia: l.font, ascii: l.font, hAnsi: l.font }, size: Math.round(l.size * 2) },
          paragraph: {
            spacing,
            indent: l.indent ? { firstLine: Math.round(l.indent * l.size * 20) } : undefined,
            alignment: l.align === 'justify' ? D.AlignmentType.JUSTIFIED : D.AlignmentType.LEFT,
          },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(width), height: mm(height) },
            margin: {
              top: mm(top),
              right: mm(right),
              bottom: mm(bottom),
              left: mm(left),
              footer: mm(bottom / 2),
            },
          },
          grid: l.grid
            ? {
                type: D.DocumentGridType.LINES_AND_CHARS,
                linePitch: Math.round((((height - top - bottom) * TWIP_PER_MM) / l.grid[0]) | 0),
                // LibreOffice gives a glyph wider than the cell two cells: the pitch is the font size.
                charSpace: 0,
              }
            : undefined,
        },
        footers: footer ? { default: footer } : undefined,
        children: paragraphs.map(
          (p) => new D.Paragraph({ style: 'Normal', children: runsOf(p, !!l.superscriptMarkers) }),
        ),
      },
    ],
  });
  return D.Packer.toBuffer(doc);
}

/** A marker: figures right after a closing quote, not a quantity (`“六稳”1工作`, not `”3万`). */
const MARKER = /(?<=”)(\d{1,2})(?![\d.%万亿个])/g;

/** The paragraph's runs: as it is, or with its glossary markers raised. */
function runsOf(text: string, superscript: boolean) {
  if (!superscript) return [new D.TextRun(text)];
  const runs: DocxModule.TextRun[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    runs.push(new D.TextRun(text.slice(at, m.index)), new D.TextRun({ text: m[1]!, superScript: true }));
    at = m.index + m[0].length;
  }
  runs.push(new D.TextRun(text.slice(at)));
  return runs;
}

/**
 * Writes `<stem>.<layout>.docx` for every layout and converts them all in one LibreOffice start
 * (the start is most of the cost), with a profile of its own so parallel runs do not collide.
 * Returns the PDF of each layout.
 */
export async function officePdfs(
  paragraphs: string[],
  layouts: OfficeLayout[],
  dir: string,
  stem: string,
): Promise<Map<OfficeLayout, string>> {
  const out = new Map<OfficeLayout, string>();
  const docs: string[] = [];
  for (const l of layouts) {
    const docx = path.join(dir, `${stem}.${l.name}.docx`);
    fs.writeFileSync(docx, await officeDocx(paragraphs, l));
    docs.push(docx);
    out.set(l, docx.replace(/\.docx$/, '.pdf'));
  }
  await convertWithOffice(docs, dir);
  return out;
}

/** Converts files to PDF in `dir` with one headless LibreOffice run. */
export async function convertWithOffice(files: string[], dir: string): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-soffice-'));
  try {
    await promisify(execFile)(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...files,
      ],
      { timeout: 240_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
