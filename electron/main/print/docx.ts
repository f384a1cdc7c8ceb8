import type * as DocxModule from 'docx';
import type { IParagraphStyleOptions } from 'docx';
import type { PrintDocument, PrintOptions } from '../../../shared/domain/print';
import { chineseDate, noteLabel, PRINT_WORDS } from './paragraphs';
import { HIGHLIGHT_FILL, HIGHLIGHT_LINE, MM, profileFor, UNDERLINE_PATTERN } from './profiles';
import { notesOf, segmentExcerpt } from './segments';

const TWIP = 20; // per point
const twips = (pt: number) => Math.round(pt * TWIP);
const GONGWEN_LINES = 22;
/** 225 mm / 22 in whole twips, rounded down: rounded up, 22 lines would overrun the type area. */
const gongwenLinePitch = () => Math.floor((profileFor('gongwen').area.height / GONGWEN_LINES) * TWIP);
/** The page number's line in the 公文 footer: 4号. */
const PAGE_NUMBER_LINE = twips(14);
/**
 * 28 characters of 3号 (16 pt) are 448 pt, the 版心 156 mm (442 pt): each 3号 character gives up a
 * quarter point (in twips), so 28 fit a line in Word, WPS and LibreOffice alike. A character grid
 * (docGrid linesAndChars with a negative charSpace, as Word writes it) would do the same in Word,
 * but LibreOffice then gives each character two cells, 14 to a line.
 */
const GONGWEN_TRACKING = -5;
/**
 * The docx package, loaded by renderDocx on first use (a package import, so it works bundled, built
 * and from source): a command that writes no Word file (`yandu list`) must not pay for it.
 */
let D: typeof DocxModule;
const underline = () =>
  ({
    solid: D.UnderlineType.SINGLE,
    double: D.UnderlineType.DOUBLE,
    dashed: D.UnderlineType.DASH,
    dotted: D.UnderlineType.DOTTED,
    dashdot: D.UnderlineType.DOTDASH,
    thick: D.UnderlineType.THICK,
  }) as const;
const hex = (css: string) => css.replace('#', '').toUpperCase();

/** Word styles named as Word names them, so headings show in the navigation pane and can be restyled. */
function styles(options: PrintOptions): IParagraphStyleOptions[] {
  const gw = options.layout === 'gongwen';
  const font = (eastAsia: string, size: number, bold = false) => ({
    font: { eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
    size: size * 2,
    bold,
    color: '1A1A1A',
  });
  // Word and LibreOffice set each line in a box of exactly this height from the top margin down:
  // 22 of them fill the 225 mm type area (GB/T 9704). The PDF engine's pitch, (225 mm − 16 pt)/21,
  // centres the em boxes on the same 22 lines but would leave room for 21 boxes only.
  const line = gw ? { line: gongwenLinePitch(), lineRule: 'exact' as const } : { line: 360 };
  return [
    {
      id: 'Normal',
      name: 'Normal',
      run: {
        ...font(gw ? '仿宋_GB2312' : '宋体', gw ? 16 : 11.5),
        characterSpacing: gw ? GONGWEN_TRACKING : undefined,
      },
      paragraph: { spacing: line },
    },
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      run: { ...font(gw ? '方正小标宋简体' : '宋体', gw ? 22 : 20, !gw), characterSpacing: 0 },
      paragraph: { alignment: D.AlignmentType.CENTER },
    },
    {
      id: 'Heading1',
      name: 'heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      run: font('黑体', gw ? 16 : 14),
      paragraph: { indent: gw ? { firstLine: 640 } : undefined, outlineLevel: 0 },
    },
    {
      id: 'Heading2',
      name: 'heading 2',
      basedOn: 'Normal',
      next: 'Normal',
      run: font('楷体_GB2312', gw ? 16 : 12.5, !gw),
      paragraph: { indent: gw ? { firstLine: 640 } : undefined, outlineLevel: 1 },
    },
    {
      id: 'Heading3',
      name: 'heading 3',
      basedOn: 'Normal',
      next: 'Normal',
      run: font(gw ? '仿宋_GB2312' : '宋体', gw ? 16 : 11.5, true),
      paragraph: { indent: gw ? { firstLine: 640 } : undefined, outlineLevel: 2 },
    },
    {
      id: 'Excerpt',
      name: 'Excerpt',
      basedOn: 'Normal',
      paragraph: { indent: { firstLine: gw ? 640 : 460 }, alignment: D.AlignmentType.JUSTIFIED },
    },
    {
      id: 'Citation',
      name: 'Citation',
      basedOn: 'Normal',
      run: { ...font('楷体_GB2312', gw ? 14 : 8.5), color: '555555', characterSpacing: 0 },
      paragraph: { alignment: D.AlignmentType.RIGHT },
    },
    {
      id: 'Commentary',
      name: 'Commentary',
      basedOn: 'Normal',
      run: font('楷体_GB2312', gw ? 16 : 11.5),
      paragraph: { indent: { firstLine: gw ? 640 : 460 } },
    },
    {
      id: 'Endnote',
      name: 'Endnote',
      basedOn: 'Normal',
      run: { ...font(gw ? '仿宋_GB2312' : '宋体', gw ? 14 : 9), characterSpacing: 0 },
    },
  ];
}

function pageFooter(text: 'odd' | 'even' | 'center', gw: boolean): DocxModule.Footer {
  const alignment =
    text === 'odd' ? D.AlignmentType.RIGHT : text === 'even' ? D.AlignmentType.LEFT : D.AlignmentType.CENTER;
  const inset = gw ? 280 : 0; // one 4号 character in from the outside edge
  return new D.Footer({
    children: [
      new D.Paragraph({
        alignment,
        // One 4号 line, not the body's grid line: the number's top sits where the footer distance says.
        spacing: gw ? { line: PAGE_NUMBER_LINE, lineRule: 'exact', before: 0, after: 0 } : undefined,
        indent: text === 'odd' ? { right: inset } : text === 'even' ? { left: inset } : undefined,
        children: [
          new D.TextRun({
            children: ['— ', D.PageNumber.CURRENT, ' —'],
            size: gw ? 28 : 18,
            font: { eastAsia: '宋体' },
          }),
        ],
      }),
    ],
  });
}

/** A Word document a colleague can keep editing: real heading styles, Word footnotes, shading for highlights. */
export async function renderDocx(doc: PrintDocument, options: PrintOptions): Promise<Buffer> {
  D ??= await import('docx');
  const gw = options.layout === 'gongwen';
  const profile = profileFor(options.layout);
  const footnotes: Record<number, { children: DocxModule.Paragraph[] }> = {};
  const children: DocxModule.Paragraph[] = [
    new D.Paragraph({ style: 'Title', children: [new D.TextRun(doc.title)] }),
  ];
  if (doc.subtitle)
    children.push(
      new D.Paragraph({
        style: 'Commentary',
        alignment: D.AlignmentType.CENTER,
        children: [new D.TextRun(doc.subtitle)],
      }),
    );
  children.push(
    new D.Paragraph({
      alignment: D.AlignmentType.CENTER,
      children: [new D.TextRun(`${PRINT_WORDS.printed}${chineseDate(doc.date)}`)],
    }),
  );
  let note = 1;
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      const heading = [D.HeadingLevel.HEADING_1, D.HeadingLevel.HEADING_2, D.HeadingLevel.HEADING_3][
        block.level - 1
      ];
      children.push(new D.Paragraph({ heading, children: [new D.TextRun(block.text)] }));
    } else if (block.kind === 'commentary')
      children.push(new D.Paragraph({ style: 'Commentary', children: [new D.TextRun(block.text)] }));
    else {
      if (block.status !== 'ok')
        children.push(
          new D.Paragraph({
            children: [
              new D.TextRun({
                text: block.status === 'drifted' ? PRINT_WORDS.drifted : PRINT_WORDS.orphaned,
                bold: true,
                color: '9A2A1F',
              }),
            ],
          }),
        );
      const segments = segmentExcerpt(block, options.highlightStyle, note);
      const notes = notesOf(segments);
      note += notes.length;
      const runs = segments.map((s) => {
        if (s.kind === 'ref') {
          if (options.notes === 'footnotes') {
            footnotes[s.number] = { children: [new D.Paragraph({ children: [new D.TextRun(s.note)] })] };
            return new D.FootnoteReferenceRun(s.number);
          }
          return new D.TextRun({ text: noteLabel(s.number), superScript: true });
        }
        return new D.TextRun({
          text: s.text,
          bold: s.lead || undefined,
          shading: s.fill
            ? { type: D.ShadingType.CLEAR, color: 'auto', fill: hex(HIGHLIGHT_FILL[s.fill]) }
            : undefined,
          underline: s.underline
            ? { type: underline()[UNDERLINE_PATTERN[s.underline]], color: hex(HIGHLIGHT_LINE[s.underline]) }
            : undefined,
        });
      });
      children.push(new D.Paragraph({ style: 'Excerpt', children: runs }));
      children.push(new D.Paragraph({ style: 'Citation', children: [new D.TextRun(block.citation)] }));
      if (options.notes === 'endnotes')
        for (const n of notes)
          children.push(
            new D.Paragraph({
              style: 'Endnote',
              children: [new D.TextRun(`${noteLabel(n.number)} ${n.text}`)],
            }),
          );
    }
  }
  if (doc.glossary.length) {
    children.push(
      new D.Paragraph({
        heading: D.HeadingLevel.HEADING_1,
        alignment: D.AlignmentType.CENTER,
        children: [new D.TextRun(PRINT_WORDS.glossary)],
      }),
    );
    for (const g of doc.glossary)
      children.push(
        new D.Paragraph({
          style: 'Excerpt',
          children: [
            new D.TextRun({ text: g.term, bold: true }),
            new D.TextRun(`：${g.definition}（${PRINT_WORDS.source}${g.source}）`),
          ],
        }),
      );
  }
  const { area, page } = profile;
  const document = new D.Document({
    title: doc.title,
    creator: '研读 Yandu',
    evenAndOddHeaderAndFooters: gw,
    styles: { paragraphStyles: styles(options) },
    footnotes,
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(page.width), height: twips(page.height) },
            margin: {
              top: twips(area.top),
              left: twips(area.left),
              right: twips(page.width - area.left - area.width),
              bottom: twips(page.height - area.top - area.height),
              // The number's top 7 mm below the type area (the footer distance is to its bottom).
              footer: gw
                ? twips(page.height - area.top - area.height - 7 * MM) - PAGE_NUMBER_LINE
                : twips(10 * MM),
            },
          },
          grid:
            gw && profile.grid
              ? { type: D.DocumentGridType.LINES, linePitch: gongwenLinePitch() }
              : undefined,
        },
        footers: gw
          ? { default: pageFooter('odd', gw), even: pageFooter('even', gw) }
          : { default: pageFooter('center', gw) },
        children,
      },
    ],
  });
  return D.Packer.toBuffer(document);
}
