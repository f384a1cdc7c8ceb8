export interface TextRange {
  start: number;
  end: number;
}

const END = /[。！？；!?;…]/;
const CLOSERS = /[”’」』）)】》"']/;

/** Sentence ranges of a passage: each ends after 。！？； (and any closing quotes after it). */
export function sentenceRanges(text: string): TextRange[] {
  const out: TextRange[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!END.test(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && (END.test(text[end]!) || CLOSERS.test(text[end]!))) end++;
    out.push({ start, end });
    start = end;
    i = end - 1;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length });
  return out.filter((r) => text.slice(r.start, r.end).trim());
}

/**
 * The sentence to select next. A selection that is not a whole sentence grows to the sentence it
 * starts in; a whole sentence steps to the next (`dir` 1) or previous (-1); no selection in this
 * passage takes the first (or last) sentence.
 */
export function stepSentence(text: string, current: TextRange | null, dir: 1 | -1): TextRange | null {
  const sentences = sentenceRanges(text);
  if (!sentences.length) return null;
  if (!current) return dir === 1 ? sentences[0]! : sentences.at(-1)!;
  const whole = sentences.some((s) => s.start === current.start && s.end === current.end);
  const containing = sentences.find((s) => s.start <= current.start && current.start < s.end);
  if (!whole && containing) return containing;
  return dir === 1
    ? (sentences.find((s) => s.start >= current.end) ?? null)
    : (sentences.findLast((s) => s.end <= current.start) ?? null);
}
