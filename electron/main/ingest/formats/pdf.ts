import { AppError } from '../../kernel/app-error';
import { preferSimplified, unifyRadicals } from './cjk-radicals';
import type { PdfScanReader } from '../ocr/pdf-pages';
import { pdfParagraphs, type PdfItem, type PdfLine } from './pdf-paragraphs';

/** The fields of pdf.js's text items that layout needs. */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** More pages than any report has: a file past this is refused before its pages are read. */
export const MAX_PDF_PAGES = 1000;
/** Lines whose y differ by less than this share a line (a fraction of the font size). */
const SAME_LINE = 0.4;

/**
 * The paragraphs of a PDF's text layer: items grouped into lines by position, then lines into
 * paragraphs (pdf-paragraphs.ts). Scanned pages are read by `scans` (OCR) when given; a PDF with no
 * text even so is refused, and so is one of more than MAX_PDF_PAGES pages.
 */
export async function pdfBlocks(bytes: Buffer, file: string, scans?: PdfScanReader): Promise<string[]> {
  const pages = await pdfPages(bytes, file, scans);
  if (!pages.some((p) => p.length)) throw new AppError('pdf_no_text', { file });
  const simplified = preferSimplified(pdfParagraphs(pages).join('\n').replace(INNER_BULLET, '·'));
  return simplified.split('\n');
}

/** The text lines of each page, placed; scanned pages read by `scans` (OCR) when given. */
export async function pdfPages(bytes: Buffer, file: string, scans?: PdfScanReader): Promise<PdfLine[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      // A scan's image is decoded whole: past this many pixels it is a decompression bomb.
      maxImageSize: 80_000_000,
    }).promise;
  } catch (error) {
    throw new AppError('pdf_damaged', { file, reason: (error as Error).message });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new AppError('pdf_too_many_pages', { file, pages: doc.numPages, limit: MAX_PDF_PAGES });
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(toLines(content.items.filter((i) => 'str' in i) as TextItem[], n));
      page.cleanup();
    }
    await scans?.fill(doc, pages, pdfjs.OPS);
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Chinese script and full-width punctuation. */
const CJK = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef“”‘’]';
const LAYOUT_SPACE = new RegExp(`(?<=${CJK}) | (?=${CJK})`, 'g');

/**
 * Word processors set a little room between Chinese and Latin letters or digits (`2020 年`) and
 * justify a line by widening the gaps between Chinese characters; pdf.js reads any such gap as a
 * space. Chinese text does not put spaces beside its characters (the corpus has almost none), so
 * a space next to a Chinese character is layout, not text.
 */
const dropLayoutSpaces = (text: string) => text.replace(LAYOUT_SPACE, '');
/** A bullet inside a paragraph is a middle dot (`9·8`) that a font set with the bullet's glyph. */
const INNER_BULLET = /(?<=\S)•(?=\S)/g;

type Group = { y: number; size: number; items: PdfItem[] };

/**
 * A superscript (a glossary marker set as `“六稳”¹`) is raised further than SAME_LINE allows and
 * comes out as a "line" of its own: a short group in a smaller size just above a line that spans
 * it goes back into that line, where the TXT importer would find the marker after its term.
 */
function foldSuperscripts(groups: Group[]): Group[] {
  const out: Group[] = [];
  groups.forEach((g, i) => {
    const text = g.items
      .map((item) => item.str)
      .join('')
      .trim();
    const x = g.items[0]!.x;
    const host =
      text.length <= 4
        ? groups.slice(i + 1, i + 4).find(
            (h) =>
              h.size >= g.size * 1.25 &&
              g.y > h.y &&
              g.y - h.y <= h.size * 0.7 &&
              h.items.some((item) => item.x <= x) &&
              // Within the line or just after its end (a marker closing the line).
              h.items.some((item) => item.x + item.width >= x - h.size),
          )
        : undefined;
    if (host) host.items.push(...g.items);
    else out.push(g);
  });
  return out;
}

/**
 * A page's items grouped into lines. Items are taken top to bottom, so only the lines of the last
 * band of heights can take an item: grouping stays linear however many lines a page holds.
 */
function toLines(textItems: TextItem[], page: number): PdfLine[] {
  const items: PdfItem[] = textItems
    .filter((i) => i.str.trim().length > 0)
    .map((i) => ({
      str: i.str,
      x: i.transform[4]!,
      y: i.transform[5]!,
      width: i.width,
      size: Math.hypot(i.transform[2]!, i.transform[3]!) || i.height || 1,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Group[] = [];
  let tallest = 0;
  for (const item of items) {
    tallest = Math.max(tallest, item.size);
    let home: (typeof groups)[number] | undefined;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i]!;
      if (g.y - item.y > SAME_LINE * tallest) break;
      if (Math.abs(g.y - item.y) < SAME_LINE * Math.max(g.size, item.size)) {
        home = g;
        break;
      }
    }
    if (home) {
      home.items.push(item);
      // The line sits on the baseline of its text, not of a superscript marker that came first.
      if (item.size > home.size) [home.y, home.size] = [item.y, item.size];
    } else groups.push({ y: item.y, size: item.size, items: [item] });
  }
  const lines: PdfLine[] = [];
  for (const g of foldSuperscripts(groups)) {
    const sorted = g.items.sort((a, b) => a.x - b.x);
    const parts: string[] = [];
    let end = -Infinity;
    let last = '';
    for (const item of sorted) {
      const str = unifyRadicals(item.str);
      // A visible gap between two Latin words is a space; Chinese runs join as they are.
      if (
        parts.length &&
        item.x - end > g.size * 0.25 &&
        /[A-Za-z0-9]/.test(last) &&
        /^\s*[A-Za-z0-9]/.test(str)
      )
        parts.push(' ');
      parts.push(str);
      end = Math.max(end, item.x + item.width);
      last = str.trimEnd().at(-1) ?? last;
    }
    const text = dropLayoutSpaces(parts.join('').replace(/\s+/g, ' ').trim());
    if (text) lines.push({ page, x: sorted[0]!.x, y: g.y, end, size: g.size, text, first: sorted[0]! });
  }
  return lines;
}
