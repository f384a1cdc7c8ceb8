import type { Range, Snippet } from '../../../shared/domain/search';

const BEFORE = 24;
const LENGTH = 110;

/** Whether the code unit at `i` is the second half of a surrogate pair. */
function low(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * A window of `text` that shows the first hit with some context before it and as many further
 * hits as fit; ranges are moved into the window and cut at its edges. Never splits a surrogate pair.
 */
export function makeSnippet(text: string, ranges: Range[]): Snippet {
  if (text.length <= LENGTH || !ranges.length)
    return {
      text: text.slice(0, Math.max(LENGTH, 0)),
      ranges: ranges.filter(([s]) => s < LENGTH).map(([s, e]) => [s, Math.min(e, LENGTH)]),
      before: false,
      after: text.length > LENGTH,
    };
  const first = ranges[0]![0];
  // Some context before the first hit, more when the hit is near the end of the text.
  let start = Math.max(0, Math.min(first - BEFORE, text.length - LENGTH));
  // Start after a sentence or clause break before the hit, when there is one.
  const cut = text.slice(start, first).search(/[。；！？，,、：]/u);
  if (cut >= 0 && start > 0) start += cut + 1;
  let end = Math.min(text.length, start + LENGTH);
  if (start > 0 && low(text, start)) start--;
  if (end < text.length && low(text, end)) end++;
  return {
    text: text.slice(start, end),
    ranges: ranges
      .filter(([s, e]) => e > start && s < end)
      .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start]),
    before: start > 0,
    after: end < text.length,
  };
}
