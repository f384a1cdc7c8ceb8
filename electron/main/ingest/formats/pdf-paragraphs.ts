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
/** Characters that may not start a line (they stay with the character before). */
const NO_BREAK_BEFORE = /^[，。、；：！？”’）》」』】〕%‰·…—,.;:!?)\]}'"]+/;
/** Characters that may not end a line (they go down with the character after). */
const NO_BREAK_AFTER = /^[“‘（《「『【〔([{]+/;
/** What a line break cannot split: a Latin word or a number with its signs. */
const UNBREAKABLE = /^[A-Za-z0-9][A-Za-z0-9.,%‰+\-/:'’]*/;

/**
 * Lines into paragraphs, as the author wrote them. Running headers, footers and page numbers go
 * first. Then a line ends its paragraph when the next line's first word would have fitted in the
 * room left at its end (a line that wraps early because a word or number did not fit is no end),
 * when the next line is indented, set in another size, or further down than the line pitch. A
 * paragraph runs on across a page break by the same measure.
 */
export function pdfParagraphs(pages: PdfLine[][]): string[] {
  const lines = dropRunning(pages).flat();
  if (!lines.length) return [];
  const size = median(lines.map((l) => l.size));
  const body = lines.filter((l) => Math.abs(l.size - size) <= size * 0.15);
  const left = mode(body.map((l) => l.x));
  // Not the widest line: a line may run past the column (a long number, hanging punctuation).
  const right = quantile(
    body.filter((l) => l.x - left < size * 3).map((l) => l.end),
    0.95,
  );
  const pitch = median(
    lines.flatMap((l, i) => {
      const p = lines[i - 1];
      return p && p.page === l.page && Math.abs(p.size - l.size) < size * 0.15 && p.y > l.y
        ? [p.y - l.y]
        : [];
    }),
  );
  const paragraphs: string[][] = [];
  let previous: PdfLine | null = null;
  for (const line of lines) {
    if (previous && continues(previous, line, { size, left, right, pitch })) {
      const current = paragraphs[paragraphs.length - 1]!;
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
  pitch: number;
}

function continues(previous: PdfLine, line: PdfLine, column: Column): boolean {
  const { size, left, right, pitch } = column;
  if (line.x - left > size * 0.9) return false;
  if (Math.abs(line.size - previous.size) > size * 0.15) return false;
  if (previous.page === line.page && pitch > 0 && previous.y - line.y > pitch * 1.18) return false;
  const room = right - previous.end;
  const word = firstWordWidth(line);
  return room <= word + Math.max(size * 0.3, word * 0.15);
}

/**
 * How wide the line's first unbreakable piece is: a word or number, or one Chinese character,
 * with the punctuation that may not be parted from it. Measured by the line's first item, whose
 * width is shared out over its characters (a full-width character counts twice a narrow one).
 */
function firstWordWidth(line: PdfLine): number {
  const text = line.text;
  const opening = NO_BREAK_AFTER.exec(text)?.[0] ?? '';
  const rest = text.slice(opening.length);
  const core = UNBREAKABLE.exec(rest)?.[0] ?? [...rest][0] ?? '';
  const closing = NO_BREAK_BEFORE.exec(rest.slice(core.length))?.[0] ?? '';
  const item = line.first;
  const perUnit = item.width / Math.max(1, units(item.str.trim()));
  return units(opening + core + closing) * perUnit;
}

function units(s: string): number {
  let n = 0;
  for (const c of s) n += c.codePointAt(0)! >= 0x2e80 ? 1 : 0.5;
  return n;
}

const joinLine = (a: string, b: string) => (/[A-Za-z0-9,;:.!?]$/.test(a) && /^[A-Za-z]/.test(b) ? ` ${b}` : b);

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
