/**
 * Key phrases of a passage: the Chinese words Intl.Segmenter finds (two characters or more) and
 * every pair of adjacent such words (预期 + 目标 → 预期目标), up to six characters. How
 * distinctive a phrase is comes later, from how many passages of the library contain it (IDF).
 * Numbers and Latin are left out: figures differ from year to year and say little about topic.
 */

const HAN = /^\p{Script=Han}+$/u;
/** Longer passages are cut: the first part says what a passage is about, and the work stays bounded. */
export const MAX_PASSAGE_CHARS = 6000;
const MAX_PHRASE_CHARS = 6;

let segmenter: Intl.Segmenter | null = null;

/** Phrase → count in the text. */
export function keyPhrases(text: string): Map<string, number> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const counts = new Map<string, number>();
  const add = (phrase: string) => counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
  let previous: string | null = null;
  for (const { segment, isWordLike } of segmenter.segment(text.slice(0, MAX_PASSAGE_CHARS))) {
    if (!isWordLike || !HAN.test(segment)) {
      // Punctuation, figures and spaces end a run: no pair across them.
      previous = null;
      continue;
    }
    if (segment.length < 2) {
      // Single characters are mostly particles (了, 的, 和): a pair across one is rarely a phrase.
      previous = null;
      continue;
    }
    add(segment);
    if (previous !== null && previous.length + segment.length <= MAX_PHRASE_CHARS) add(previous + segment);
    previous = segment;
  }
  return counts;
}
