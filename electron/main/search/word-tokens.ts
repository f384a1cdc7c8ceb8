/**
 * The words lunr-languages' `multiLanguage('en', 'zh')` indexes in a text, as strings, computed
 * without its token objects: its tokenizer is lunr's (the text split on lunr's separator) followed
 * by lunr.zh's Intl.Segmenter fallback (word-like segments and every pair of adjacent CJK
 * characters, once per position, by position) keeping strings not seen yet; its pipeline (trimmer,
 * stop words, stemmers) maps each token on its own, so its output per token string is kept.
 * A unit test compares the result with lunr's own over the corpus. Segmenting context windows was
 * most of ranking a page on first sight: 65-90 µs a window through lunr, about 30 here (12-15 of
 * them Intl.Segmenter's).
 * Only for lunr.zh without @node-rs/jieba, whose segmentation this does not reproduce.
 */

export interface LunrTokenizing {
  separator: RegExp;
  /** The pipeline over one token (its output strings). */
  pipeline(token: string): string[];
}

/** Token strings whose pipeline output is kept (about 2 MB): beyond this many, the memo starts again. */
const PIPELINE_KEPT = 16_384;

let segmenter: Intl.Segmenter | null = null;
/**
 * lunr-languages marks strings seen in a plain object, where 'constructor' and '__proto__' are
 * seen from the start; a new object per text with new keys each time is also what made its
 * tokenizer slow (every object a new shape), so a Set does the marking and this the rest.
 */
const INHERITED: Record<string, unknown> = {};

export function wordTokenizer(lunr: LunrTokenizing): (text: string) => string[] {
  const memo = new Map<string, string[]>();
  const piped = (token: string): string[] => {
    let out = memo.get(token);
    if (!out) {
      if (memo.size >= PIPELINE_KEPT) memo.clear();
      memo.set(token, (out = lunr.pipeline(token)));
    }
    return out;
  };
  return (text) => {
    const lower = text.toLowerCase();
    // lunr cuts at every character its separator matches, leaving out empty pieces.
    const tokens = lower.split(lunr.separator).filter((t) => t !== '');
    const seen = new Set(tokens);
    // Lower-casing neither makes nor unmakes white space: trimming after it is lunr.zh's trim first.
    zhTokens(lower.trim(), (t) => {
      if (!seen.has(t) && !INHERITED[t]) {
        seen.add(t);
        tokens.push(t);
      }
    });
    // Plain loops, not flatMap: a window is a few dozen tokens, each mapped on its own.
    const out: string[] = [];
    for (const t of tokens) for (const w of piped(t)) out.push(w);
    return out;
  };
}

/** Whether a code unit is one lunr.zh pairs (its CJK ranges: U+3400–U+9FFF, U+F900–U+FAFF). */
function cjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * lunr.zh's Intl.Segmenter tokens of a trimmed, lower-cased text, in its order, each given to
 * `emit`: word-like segments and CJK pairs merged by position (a segment first at the same
 * position), a pair left out where a segment of the same text starts (lunr.zh keeps one token per
 * text and position). Runs are found by code unit, without a regular expression's match objects.
 */
function zhTokens(str: string, emit: (token: string) => void): void {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  const starts: number[] = [];
  for (const s of segmenter.segment(str))
    if (s.isWordLike && s.segment) {
      words.push(s.segment);
      starts.push(s.index);
    }
  let w = 0;
  // A pair starts at every CJK code unit followed by another: the CJK runs' pairs, in order.
  for (let at = 0; at + 1 < str.length; at++) {
    if (!cjk(str.charCodeAt(at)) || !cjk(str.charCodeAt(at + 1))) continue;
    while (w < words.length && starts[w]! <= at) emit(words[w++]!);
    const pair = str.slice(at, at + 2);
    if (!(w > 0 && starts[w - 1] === at && words[w - 1] === pair)) emit(pair);
  }
  while (w < words.length) emit(words[w++]!);
}
