/**
 * Run-in lead phrases: `硬核举措“防扩散”。第一时间启动…`. What sets one apart from an ordinary
 * first sentence is its form — a short verb–object or subject–predicate phrase closed by `。`,
 * with no clause punctuation, no figures at its head and no first-person narration — and its place:
 * the paragraph sits inside a part or section and goes on after the phrase.
 */
const MAX_LEAD = 16;
const MIN_REST = 8;
const FIRST_SENTENCE = /^([^。！!？?]{2,40})。/;
const CLAUSE_PUNCT = /[，,；;：:、（）()…—]/;
const NARRATION =
  /^(我们|我国|我省|我市|我区|我县|今年|去年|明年|全年|这|那|此|其中|同时|另外|此外|但|而|因此|所以)|我们|我国/;
const OPENS_WITH_FIGURE = /^[\d０-９一二三四五六七八九十〇百千万]+[年月日个%％.．]/;
const ENUMERATION = /^[一二三四五六七八九十]+是/;
/** `就业是最基本的民生`: a statement, not a heading-like phrase (`一是…` enumerations excepted). */
const COPULA = /是/;

export function leadOf(text: string, inSection: boolean): string | null {
  if (!inSection) return null;
  const m = FIRST_SENTENCE.exec(text);
  if (!m) return null;
  const phrase = m[1]!;
  if (phrase.length > MAX_LEAD + (ENUMERATION.test(phrase) ? 3 : 0)) return null;
  if (CLAUSE_PUNCT.test(phrase) || NARRATION.test(phrase) || OPENS_WITH_FIGURE.test(phrase)) return null;
  if (COPULA.test(phrase.replace(ENUMERATION, ''))) return null;
  if (text.length - m[0].length < MIN_REST) return null;
  return phrase;
}
