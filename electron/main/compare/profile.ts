import { foldText, isWordCodePoint } from '../search/domain';

/**
 * Character-bigram profiles of Chinese text and their cosine similarity: robust to rewording and
 * word order, cheap to build (one pass), and with no segmenter to disagree between documents.
 * A profile reads at most `PROFILE_CHARS` characters, so one huge section costs no more than that.
 */
export const PROFILE_CHARS = 40_000;

export interface Profile {
  /** Bigram codes, ascending. */
  keys: Float64Array;
  weights: Float64Array;
  norm: number;
}

export function bigramCounts(text: string, limit = PROFILE_CHARS): Map<number, number> {
  const counts = new Map<number, number>();
  const folded = foldText(text.length > limit ? text.slice(0, limit) : text);
  let previous = -1;
  for (let k = 0; k < folded.length; k++) {
    const c = folded.charCodeAt(k);
    if (!isWordCodePoint(c)) {
      previous = -1;
      continue;
    }
    if (previous >= 0) {
      const key = previous * 65536 + c;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    previous = c;
  }
  return counts;
}

/** A profile from counts; `idf` (bigram → weight) damps the bigrams every unit shares (发展, 推进). */
export function toProfile(counts: Map<number, number>, idf?: Map<number, number>): Profile {
  const keys = Float64Array.from(counts.keys()).sort();
  const weights = new Float64Array(keys.length);
  let sum = 0;
  for (let k = 0; k < keys.length; k++) {
    const w = Math.sqrt(counts.get(keys[k]!)!) * (idf?.get(keys[k]!) ?? 1);
    weights[k] = w;
    sum += w * w;
  }
  return { keys, weights, norm: Math.sqrt(sum) };
}

export const profileOf = (text: string): Profile => toProfile(bigramCounts(text));

/** Inverse document frequency of each bigram over the units about to be compared. */
export function inverseFrequencies(units: Map<number, number>[]): Map<number, number> {
  const df = new Map<number, number>();
  for (const unit of units) for (const key of unit.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const idf = new Map<number, number>();
  for (const [key, n] of df) idf.set(key, Math.log(1 + units.length / n));
  return idf;
}

export function cosine(a: Profile, b: Profile): number {
  if (!a.norm || !b.norm) return 0;
  let x = 0;
  let y = 0;
  let dot = 0;
  while (x < a.keys.length && y < b.keys.length) {
    const ka = a.keys[x]!;
    const kb = b.keys[y]!;
    if (ka === kb) dot += a.weights[x++]! * b.weights[y++]!;
    else if (ka < kb) x++;
    else y++;
  }
  return dot / (a.norm * b.norm);
}

/** A heading without its year (`2024年工作回顾` ≈ `2025年工作回顾`). */
export const titleKey = (title: string): string => foldText(title).replace(/\d+\s*年?/gu, '');
