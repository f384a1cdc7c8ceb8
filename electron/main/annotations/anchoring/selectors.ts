/** Characters of context kept on each side of a quote (W3C TextQuoteSelector prefix/suffix). */
export const CONTEXT_CHARS = 32;

export interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** The quote selector for `text[start, end)`, with context taken from the same passage. */
export function quoteAt(text: string, start: number, end: number): Quote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/** Length of the common run at the end of `a` and `b`. */
export function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common run at the start of `a` and `b`. */
export function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How many characters of the old context still stand right next to `text[start, end)`. */
export function contextScore(text: string, start: number, end: number, quote: Quote): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return commonTail(before, quote.prefix) + commonHead(after, quote.suffix);
}

/**
 * W3C TextPositionSelector counts code points; `Passage.text` indexes are UTF-16 units. They differ
 * only for characters outside the BMP (CJK Extension B and later), which do occur in place names.
 */
export function toCodePoints(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

export function fromCodePoints(text: string, points: number): number {
  let units = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen === points) break;
    units += ch.length;
    seen++;
  }
  return units;
}

/** The target fields of an annotation anchored at `passage.text[start, end)` of the given edition. */
export function anchoredAt(
  passage: { id: string; text: string },
  range: { start: number; end: number },
  editionHash: string,
) {
  const q = quoteAt(passage.text, range.start, range.end);
  return {
    passageId: passage.id,
    start: range.start,
    end: range.end,
    quote: q.exact,
    prefix: q.prefix,
    suffix: q.suffix,
    status: 'anchored' as const,
    editionHash,
  };
}
