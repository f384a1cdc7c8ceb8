import type { LiveSegment } from '../search/domain';
import {
  foldText,
  requiredGrams,
  occurrencesIn,
  intersectAll,
  kindCode,
  postingsOf,
  unitText,
} from '../search/domain';

/**
 * Which passages hold a phrase, read from the search index's postings: no index of its own. The
 * search segments already list, per character pair, the units that contain it; the passages that
 * contain a phrase are those that have all of its pairs (candidates) and, checked against their
 * folded text, really contain it (hits).
 */

const PASSAGE = kindCode('passage');

export interface PhraseHit {
  segment: number;
  unit: number;
  /** Occurrences of the phrase in the passage. */
  tf: number;
}

/** Live passage units of each segment that have every index term of `folded`. */
export function phraseCandidates(segments: readonly LiveSegment[], folded: string): Uint32Array[] {
  const grams = requiredGrams(folded);
  return segments.map(({ segment, aliveDocs }) => {
    if (!grams.length) return new Uint32Array(0);
    const cands = intersectAll(grams.map((g) => postingsOf(segment, g)));
    const out = new Uint32Array(cands.length);
    let n = 0;
    for (let i = 0; i < cands.length; i++) {
      const u = cands[i]!;
      if (aliveDocs[segment.docSlots[u]!] && segment.kinds[u] === PASSAGE) out[n++] = u;
    }
    return out.subarray(0, n);
  });
}

export const candidateCount = (cands: readonly Uint32Array[]): number =>
  cands.reduce((n, c) => n + c.length, 0);

/** The candidates that really contain the phrase, with how often. */
export function verifyPhrase(
  segments: readonly LiveSegment[],
  folded: string,
  cands: readonly Uint32Array[],
): PhraseHit[] {
  const hits: PhraseHit[] = [];
  const found: number[] = [];
  cands.forEach((units, s) => {
    const { segment } = segments[s]!;
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      found.length = 0;
      occurrencesIn(unitText(segment, u), folded, found);
      if (found.length) hits.push({ segment: s, unit: u, tf: found.length / 2 });
    }
  });
  return hits;
}

/** Passages that contain `phrase` (folded as search folds it): every hit, verified. */
export function phraseHits(segments: readonly LiveSegment[], phrase: string): PhraseHit[] {
  const folded = foldText(phrase);
  return verifyPhrase(segments, folded, phraseCandidates(segments, folded));
}

/** Live passages in the snapshot and their mean length in characters (BM25's length norm). */
export function passageTotals(segments: readonly LiveSegment[]): { passages: number; averageChars: number } {
  let passages = 0;
  let chars = 0;
  for (const { segment, aliveDocs } of segments)
    for (let u = 0; u < segment.count; u++)
      if (aliveDocs[segment.docSlots[u]!] && segment.kinds[u] === PASSAGE) {
        passages++;
        chars += segment.textStarts[u + 1]! - segment.textStarts[u]!;
      }
  return { passages, averageChars: passages ? chars / passages : 1 };
}
