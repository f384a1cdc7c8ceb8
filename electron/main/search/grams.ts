import { isWordCodePoint, wordTable } from './fold';

/**
 * Index terms: every character (unigram) and every pair of adjacent characters (bigram) inside a
 * run of word characters of the folded text. Any text containing a query contains the query's
 * terms, whatever the words around it: `引资` is found inside `招商引资`, `rcep` beside `29`.
 * Terms are numbers (a code point, or a pair of them) so that segments store them in typed arrays.
 */
const SPACE = 0x110000;

export const bigramKey = (a: number, b: number): number => SPACE + a * SPACE + b;

export const isBigramKey = (key: number): boolean => key >= SPACE;

/** The two code points of a bigram key. */
export function bigramParts(key: number): [number, number] {
  const pair = key - SPACE;
  const a = Math.floor(pair / SPACE);
  return [a, pair - a * SPACE];
}

export function gramText(key: number): string {
  return key < SPACE ? String.fromCodePoint(key) : String.fromCodePoint(...bigramParts(key));
}

/** Calls `emit` with each unigram and bigram of a folded text, in order, repeats included. */
export function forEachGram(folded: string, emit: (key: number) => void): void {
  let prev = -1;
  forEachCodePoint(folded, (cp) => {
    if (!isWordCodePoint(cp)) {
      prev = -1;
      return;
    }
    emit(cp);
    if (prev >= 0) emit(bigramKey(prev, cp));
    prev = cp;
  });
}

/** How many terms `forEachGram` emits for a text, without a call per term (a field's length in ranking). */
export function gramCount(folded: string): number {
  // The table read in the loop, not a call per character: ranking counts every unit of a page.
  const words = wordTable();
  let n = 0;
  let run = false;
  for (let i = 0; i < folded.length; i++) {
    const cp = codePointAt(folded, i);
    if (cp >= 0x10000) i++;
    if (cp < 0x10000 ? words[cp] !== 1 : !isWordCodePoint(cp)) run = false;
    else {
      n += run ? 2 : 1;
      run = true;
    }
  }
  return n;
}

/** The code point at `i` (a surrogate pair read as one; it spans two units when ≥ 0x10000). */
export function codePointAt(text: string, i: number): number {
  const cp = text.charCodeAt(i);
  if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return cp;
}

function forEachCodePoint(text: string, visit: (cp: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const cp = codePointAt(text, i);
    if (cp >= 0x10000) i++;
    visit(cp);
  }
}

/**
 * The terms a text containing `folded` must have: the bigrams of each run of word characters, or
 * the character itself for a one-character run. Empty when the literal has no word character.
 */
export function requiredGrams(folded: string): number[] {
  const keys = new Set<number>();
  let prev = -1;
  let runLength = 0;
  const endRun = () => {
    if (runLength === 1) keys.add(prev);
    runLength = 0;
    prev = -1;
  };
  forEachCodePoint(folded, (cp) => {
    if (!isWordCodePoint(cp)) return endRun();
    if (prev >= 0) keys.add(bigramKey(prev, cp));
    prev = cp;
    runLength++;
  });
  endRun();
  return [...keys];
}
