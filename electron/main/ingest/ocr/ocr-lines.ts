import type { PdfLine } from '../formats/pdf-paragraphs';
import type { OcrPage } from './ocr-engine';

/** A recognised line box is about this much taller than the type's em (the detector's margin). */
const BOX_PER_EM = 1.09;
/** Box heights within this share of the page's median are taken to be the body type. */
const SAME_TYPE = 0.3;

/** What the reader needs to mark text that came from OCR: each line with its confidence. */
export interface OcrNote {
  page: number;
  text: string;
  confidence: number;
}

export interface OcrProgress {
  /** Pages read by OCR so far, of `pages` that need it. */
  page: number;
  pages: number;
}

/**
 * A recognised page as the lines the PDF text path lays out (pdf-paragraphs.ts), so scanned and
 * born-digital pages join into paragraphs by the same indent, line-end and spacing rules, and a
 * paragraph runs on across a page break between them. `unit` converts pixels to the page's own
 * units (PDF points for a scanned PDF page; 1 for an image file). y grows upward there.
 */
export function ocrPdfLines(page: OcrPage, pageNo: number, unit: number): PdfLine[] {
  const heights = page.lines.map((l) => l.bottom - l.top).sort((a, b) => a - b);
  const typical = heights[Math.floor(heights.length / 2)] ?? 1;
  return page.lines.map((l, i) => {
    // A box's height wavers with what the line holds (quotes, brackets, digits): within a third of
    // the page's usual height it is the body type, so a size change means a real change of type.
    const height = Math.abs(l.bottom - l.top - typical) <= typical * SAME_TYPE ? typical : l.bottom - l.top;
    const size = (height / BOX_PER_EM) * unit;
    const x = l.left * unit;
    const y = (page.height - (l.top + l.bottom) / 2) * unit;
    const width = (l.right - l.left) * unit;
    const edge = i === 0 || i === page.lines.length - 1;
    const text = edge && isPageNumber(l, page) ? `— ${l.text.replace(/\D/g, '')} —` : cleanOcrText(l.text);
    return { page: pageNo, x, y, end: x + width, size, text, first: { str: text, x, y, width, size } };
  });
}

/**
 * A page number as a scan shows it: the page's first or last line, short, centred, holding a
 * figure and nothing Chinese but dash-like strokes. Noise turns its dashes into anything (`-1 1`,
 * `一2+`), so it is told by its place and shape and given dashes that layout drops.
 */
function isPageNumber(line: OcrPage['lines'][number], page: OcrPage): boolean {
  const text = line.text.replace(/\s+/g, '');
  const centre = (line.left + line.right) / 2;
  return (
    text.length <= 7 &&
    /\d/.test(text) &&
    !/[\u3400-\u4dff\u4e01-\u9fff]/.test(text) &&
    Math.abs(centre - page.width / 2) < page.width * 0.08
  );
}

export const ocrNotes = (page: OcrPage, pageNo: number): OcrNote[] =>
  page.lines.map((l) => ({ page: pageNo, text: cleanOcrText(l.text), confidence: l.confidence }));

const CJK = '\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’';
const HALF_AFTER_CJK = new RegExp(`(?<=[${CJK}%‰])([,;:!?])|([,;:!?])(?=[${CJK}]|$)`, 'g');
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };
/** A page number between dashes, the dashes read as 一 (the recogniser cannot tell them apart). */
const DASHED_NUMBER = /^[-—–一_]{1,2}\s*([\d０-９]+)\s*[-—–一_]{1,2}$/;

/**
 * The recogniser's habits undone: Chinese text takes full-width punctuation (it reads ， as , next
 * to a figure: `增长2.3%,`), and a `— 3 —` page number keeps its dashes so layout drops it.
 */
export function cleanOcrText(text: string): string {
  const page = DASHED_NUMBER.exec(text.trim());
  if (page) return `— ${page[1]} —`;
  return text.replace(HALF_AFTER_CJK, (m) => FULL[m] ?? m);
}
