import { startsParagraph } from './pdf-breaks';

/** One text item of a PDF page, placed. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface PdfLine {
  page: number;
  x: number;
  y: number;
  end: number;
  size: number;
  text: string;
  /** Its leftmost item, whose metrics tell how wide the line's first word is. */
  first: PdfItem;
}

/** Text repeated at the same place on this share of pages is a running header or footer. */
const RUNNING = 0.5;
const PAGE_NUMBER =
  /^[-—–_\s]*(第\s*)?[\d０-９]+\s*(页|\/\s*\d+|of\s*\d+)?[-—–_\s]*$|^[-—–]\s*[\d]+\s*[-—–]$|^(page|第)\s*\d+(\s*(页|\/|of)\s*\d*)?(\s*共\s*\d+\s*页)?$/i;
/** A line ending in a mark that may hang past the right margin. */
const HANGS = /[，。、；：！？,.;:!?”’）)」』】》]$/;
/** Characters that may not start a line (they stay with the character before). */
const NO_BREAK_BEFORE = /^[，。、；：！？”’）》」』】〕%‰·…—,.;:!?)\]}'"]+/;
/** Characters that may not end a line (they go down with the character after). */
const NO_BREAK_AFTER = /^[“‘（《「『【〔([{]+/;
/** What a line break cannot split: a Latin word or a number with its signs. */
const UNBREAKABLE = /^[A-Za-z0-9][A-Za-z0-9.,%‰+\-/:'’]*/;

/**
 * Lines into paragraphs, as the author wrote them. Running headers, footers and page numbers go
 * first. A line starts a new paragraph when it is indented, set in another size, or further below
 * the line before than that size's normal line pitch (paragraph spacing), or when the line before
 * ended early: the next line's first word would have fitted in the room left at its end (a line
 * that wraps early because a word or number did not fit is no end). Across a page break the
 * spacing cannot be seen, so a full last line runs on into the next page — unless the document
 * marks paragraphs by nothing the page shows (no indent) and the text says a new one starts there
 * (pdf-breaks.ts: a heading, the next number of a list, a run-in lead phrase after a closed sentence).
 */
export function pdfParagraphs(pages: PdfLine[][]): string[] {
  const lines = dropRunning(pages).flat();
  if (!lines.length) return [];
  const column = measureColumn(lines);
  const paragraphs: string[][] = [];
  let previous: PdfLine | null = null;
  for (const line of lines) {
    const current = paragraphs[paragraphs.length - 1];
    if (previous && current && continues(previous, line, current[0]!, column)) {
      current.push(joinLine(previous.text, line.text));
    } else paragraphs.push([line.text]);
    previous = line;
  }
  return paragraphs.map((p) => p.join(''));
}

interface Column {
  size: number;
  left: number;
  right: number;
  /** The normal distance between two lines of a paragraph, by font size (rounded to the point). */
  pitch: Map<number, number>;
  /**
   * The same, by page, for pages with enough lines to tell: a PDF that joins pages of different
   * origins (a scan read by OCR beside typed pages) spaces its lines differently page by page.
   */
  pagePitch: Map<number, Map<number, number>>;
  /** Whether the document marks paragraphs by a first-line indent, or by space between them. */
  indents: boolean;
  spaces: boolean;
}

const sizeKey = (size: number) => Math.round(size);

function measureColumn(lines: PdfLine[]): Column {
  const size = median(lines.map((l) => l.size));
  const body = lines.filter((l) => Math.abs(l.size - size) <= size * 0.15);
  const left = mode(body.map((l) => l.x));
  // Not the widest line: a line may run past the column (a long number), and a word processor
  // hangs punctuation past it, so lines ending in a mark do not count.
  const right = quantile(
    body.filter((l) => l.x - left < size * 3 && !HANGS.test(l.text)).map((l) => l.end),
    0.95,
  );
  const pitch = linePitch(lines);
  const column: Column = {
    size,
    left,
    right,
    pitch,
    pagePitch: pitchByPage(lines),
    indents: false,
    spaces: false,
  };
  // How the document shows the paragraph ends that the room left at a line's end makes certain.
  let ends = 0;
  let indented = 0;
  let spaced = 0;
  lines.forEach((line, i) => {
    const p = lines[i - 1];
    if (!p || p.page !== line.page || sizeKey(p.size) !== sizeKey(line.size) || !endsEarly(p, line, column))
      return;
    ends++;
    if (isIndented(line, column)) indented++;
    if (spacedFrom(p, line, column)) spaced++;
  });
  column.indents = ends > 0 && indented >= ends * 0.5;
  column.spaces = ends > 0 && spaced >= ends * 0.5;
  return column;
}

/**
 * The normal line pitch of each font size: a low quantile of the distances between consecutive
 * lines of that size on a page, so the larger distances where paragraphs are spaced apart do not
 * count, however many one-line paragraphs (headings, glossary entries) a document has.
 */
function linePitch(lines: PdfLine[]): Map<number, number> {
  const gaps = new Map<number, number[]>();
  lines.forEach((l, i) => {
    const p = lines[i - 1];
    if (!p || p.page !== l.page || sizeKey(p.size) !== sizeKey(l.size)) return;
    const gap = p.y - l.y;
    if (gap < l.size * 0.8 || gap > l.size * 4) return;
    const key = sizeKey(l.size);
    gaps.set(key, [...(gaps.get(key) ?? []), gap]);
  });
  const pitch = new Map<number, number>();
  for (const [key, values] of gaps) if (values.length >= 3) pitch.set(key, quantile(values, 0.25));
  return pitch;
}

/** Lines a page needs before its own line pitch is trusted over the document's. */
const MIN_PAGE_LINES = 8;

function pitchByPage(lines: PdfLine[]): Map<number, Map<number, number>> {
  const byPage = new Map<number, PdfLine[]>();
  for (const line of lines) {
    const own = byPage.get(line.page);
    if (own) own.push(line);
    else byPage.set(line.page, [line]);
  }
  const pitch = new Map<number, Map<number, number>>();
  for (const [page, own] of byPage) if (own.length >= MIN_PAGE_LINES) pitch.set(page, linePitch(own));
  return pitch;
}

const isIndented = (line: PdfLine, { left, size }: Column) => line.x - left > size * 0.9;

/** The line sits further below the one before than its size's line pitch: space between paragraphs. */
function spacedFrom(previous: PdfLine, line: PdfLine, { pitch, pagePitch }: Column): boolean {
  const key = sizeKey(line.size);
  const normal = pagePitch.get(line.page)?.get(key) ?? pitch.get(key);
  if (!normal || previous.page !== line.page) return false;
  return previous.y - line.y - normal > Math.max(line.size * 0.15, normal * 0.08);
}

/** The line before ended with room for this line's first word: its paragraph ended there. */
function endsEarly(previous: PdfLine, line: PdfLine, { right, size }: Column): boolean {
  const room = right - previous.end;
  const word = firstWordWidth(line);
  return room > word + Math.max(size * 0.3, word * 0.15);
}

function continues(previous: PdfLine, line: PdfLine, paragraph: string, column: Column): boolean {
  if (isIndented(line, column)) return false;
  if (Math.abs(line.size - previous.size) > column.size * 0.15) return false;
  if (spacedFrom(previous, line, column)) return false;
  if (endsEarly(previous, line, column)) return false;
  const samePage = previous.page === line.page;
  // What the page shows is enough where it can show paragraph ends; otherwise the text decides.
  if (column.indents || (samePage && column.spaces)) return true;
  return !startsParagraph(paragraph, previous.text, line.text);
}
/**
 * How wide the line's first unbreakable piece is: a word or number, or one Chinese character,
 * with the punctuation that may not be parted from it — and what an ASCII comma or colon or a
 * quotation mark binds to it (`元,GDP`, `库,63`, `动”14`, `院;“5+3+8”8`). Measured by the line's first item, whose width
 * is shared out over its characters (a full-width character counts twice a narrow one).
 */
function firstWordWidth(line: PdfLine): number {
  const text = line.text;
  const opening = NO_BREAK_AFTER.exec(text)?.[0] ?? '';
  let word = opening;
  let rest = text.slice(opening.length);
  for (let piece = 0; piece < 4; piece++) {
    const core = UNBREAKABLE.exec(rest)?.[0] ?? [...rest][0] ?? '';
    const closing = NO_BREAK_BEFORE.exec(rest.slice(core.length))?.[0] ?? '';
    word += core + closing;
    rest = rest.slice(core.length + closing.length);
    // Unicode line breaking keeps a quotation mark with what stands on either side of it
    // (`院;“5+3+8”8`), as LibreOffice does, and an ASCII comma with the word after it.
    const quote = /^[“‘"]+/.exec(rest)?.[0];
    if (quote) {
      word += quote;
      rest = rest.slice(quote.length);
    } else if (!/[,.:;”’"]$/.test(closing) || !/^[A-Za-z0-9]/.test(rest)) break;
  }
  const item = line.first;
  const n = units(item.str.trim());
  const perUnit = n > 0 ? item.width / n : line.size;
  return units(word) * perUnit;
}

function units(s: string): number {
  let n = 0;
  for (const c of s) n += c.codePointAt(0)! >= 0x2e80 ? 1 : 0.5;
  return n;
}

const joinLine = (a: string, b: string) =>
  /[A-Za-z0-9,;:.!?]$/.test(a) && /^[A-Za-z]/.test(b) ? ` ${b}` : b;

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

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

const median = (values: number[]) => (values.length ? quantile(values, 0.5) : 12);

/** The most common value to the nearest point: the column's left edge, which most lines start at. */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  let best = values[0] ?? 0;
  let bestCount = 0;
  for (const v of values) {
    const k = Math.round(v);
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestCount || (n === bestCount && k < best)) [best, bestCount] = [k, n];
  }
  return best;
}
