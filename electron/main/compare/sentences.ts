import type { SentenceChange, TextRange } from '../../../shared/domain/compare';
import { foldText } from '../search/domain';
import { alignSequences } from './align';
import { cosine, profileOf } from './profile';

/** Sentences past this many in one passage are compared as one tail, so a pathological passage stays cheap. */
export const MAX_SENTENCES = 400;
/** Reworded sentences keep at least this much of their bigrams; below it they count as removed + added. */
const SENTENCE_THRESHOLD = 0.4;

const SENTENCE = /[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)]*|$)/gu;

/** Sentence ranges of a passage, whitespace trimmed, empty ones dropped. */
export function splitSentences(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const match of text.matchAll(SENTENCE)) {
    let start = match.index;
    let end = start + match[0].length;
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start) ranges.push([start, end]);
    if (!match[0].length) break;
  }
  if (ranges.length > MAX_SENTENCES) {
    const tail: TextRange = [ranges[MAX_SENTENCES - 1]![0], ranges[ranges.length - 1]![1]];
    ranges.splice(MAX_SENTENCES - 1, ranges.length, tail);
  }
  return ranges;
}

/** The middle of two strings that differ: common beginning and end trimmed. */
function differingMiddle(a: string, b: string): [TextRange, TextRange] {
  let head = 0;
  const shorter = Math.min(a.length, b.length);
  while (head < shorter && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < shorter - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [
    [head, a.length - tail],
    [head, b.length - tail],
  ];
}

/** Sentence-level differences between two aligned passages; an empty list = the same sentences. */
export function diffSentences(textA: string, textB: string): SentenceChange[] {
  if (textA === textB) return [];
  const sa = splitSentences(textA);
  const sb = splitSentences(textB);
  const ta = sa.map(([s, e]) => foldText(textA.slice(s, e)));
  const tb = sb.map(([s, e]) => foldText(textB.slice(s, e)));
  const pa = ta.map(profileOf);
  const pb = tb.map(profileOf);
  const { steps } = alignSequences(
    sa.length,
    sb.length,
    (i, j) => (ta[i] === tb[j] ? 1 : cosine(pa[i]!, pb[j]!)),
    SENTENCE_THRESHOLD,
  );
  const changes: SentenceChange[] = [];
  for (const { i, j } of steps) {
    if (i !== null && j !== null) {
      if (ta[i] === tb[j]) continue;
      const [ra, rb] = sa[i]!;
      const [qa, qb] = sb[j]!;
      const [da, db] = differingMiddle(textA.slice(ra, rb), textB.slice(qa, qb));
      changes.push({
        kind: 'changed',
        a: [ra, rb],
        b: [qa, qb],
        aDiff: [ra + da[0], ra + da[1]],
        bDiff: [qa + db[0], qa + db[1]],
      });
    } else if (i !== null) changes.push({ kind: 'removed', a: sa[i]!, b: null, aDiff: null, bDiff: null });
    else if (j !== null) changes.push({ kind: 'added', a: null, b: sb[j]!, aDiff: null, bDiff: null });
  }
  return changes;
}
