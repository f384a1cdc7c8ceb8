import { AppError } from '../../core/app-error';
import { preferSimplified, unifyRadicals } from './cjk-radicals';

/** The fields of pdf.js's text items that layout needs. */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface PdfLine {
  page: number;
  x: number;
  y: number;
  end: number;
  size: number;
  text: string;
}

/** Lines whose y differ by less than this share a line (a fraction of the font size). */
const SAME_LINE = 0.4;
/** Text repeated at the same place on this share of pages is a running header or footer. */
const RUNNING = 0.5;
const PAGE_NUMBER = /^[-—–_\s]*(第\s*)?[\d０-９]+\s*(页|\/\s*\d+)?[-—–_\s]*$|^[-—–]\s*[\d]+\s*[-—–]$/;

/**
 * The paragraphs of a PDF's text layer: items grouped into lines by position, running headers,
 * footers and page numbers dropped, lines joined into paragraphs across pages — a paragraph ends
 * where a line stops short of the column's right edge, and starts where a line is indented or
 * after a wider gap. A PDF with no text at all (a scan) is refused.
 */
export async function pdfBlocks(bytes: Buffer, file: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    throw new AppError('pdf_damaged', { file, reason: (error as Error).message });
  }
  const pages: PdfLine[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(toLines(content.items.filter((i) => 'str' in i) as TextItem[], n));
    page.cleanup();
  }
  await doc.destroy();
  if (!pages.some((p) => p.some((l) => l.text.trim()))) throw new AppError('pdf_no_text', { file });
  const paragraphs = toParagraphs(dropRunning(pages));
  const simplified = preferSimplified(paragraphs.join('\n'));
  return simplified.split('\n');
}

function toLines(items: TextItem[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  const sorted = items
    .filter((i) => i.str.length > 0)
    .map((i) => ({
      ...i,
      x: i.transform[4]!,
      y: i.transform[5]!,
      size: Math.hypot(i.transform[2]!, i.transform[3]!) || i.height,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < SAME_LINE * Math.max(l.size, item.size));
    if (line) {
      line.text += spacer(line, item.x) + item.str;
      line.end = Math.max(line.end, item.x + item.width);
      line.x = Math.min(line.x, item.x);
    } else
      lines.push({ page, x: item.x, y: item.y, end: item.x + item.width, size: item.size, text: item.str });
  }
  for (const l of lines) l.text = unifyRadicals(l.text).trim();
  return lines.filter((l) => l.text).sort((a, b) => b.y - a.y || a.x - b.x);
}

/** A visible gap between two Latin words is a space; Chinese runs join as they are. */
function spacer(line: PdfLine, x: number): string {
  const gap = x - line.end;
  return gap > line.size * 0.25 && /[A-Za-z0-9]$/.test(line.text) ? ' ' : '';
}

function dropRunning(pages: PdfLine[][]): PdfLine[][] {
  const key = (l: PdfLine) => l.text.replace(/[\d０-９]+/g, '#').replace(/\s/g, '');
  const edges = (p: PdfLine[]) => [...p.slice(0, 2), ...p.slice(-2)];
  const counts = new Map<string, number>();
  for (const p of pages) for (const k of new Set(edges(p).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const repeated = (l: PdfLine) => pages.length >= 3 && (counts.get(key(l)) ?? 0) >= pages.length * RUNNING;
  return pages.map((p) => {
    const edge = new Set(edges(p));
    return p.filter((l) => !(edge.has(l) && (PAGE_NUMBER.test(l.text) || repeated(l))));
  });
}

function toParagraphs(pages: PdfLine[][]): string[] {
  const lines = pages.flat();
  if (!lines.length) return [];
  const size = median(lines.map((l) => l.size));
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.end));
  const paragraphs: string[] = [];
  let previous: PdfLine | null = null;
  for (const line of lines) {
    const indented = line.x - left > size * 0.9;
    const previousFull = previous !== null && right - previous.end < size * 1.5;
    const gap = previous !== null && previous.page === line.page && previous.y - line.y > size * 2.2;
    if (previous && previousFull && !indented && !gap)
      paragraphs[paragraphs.length - 1] += joinLine(previous.text, line.text);
    else paragraphs.push(line.text);
    previous = line;
  }
  return paragraphs;
}

const joinLine = (a: string, b: string) => (/[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? ` ${b}` : b);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 12;
}
