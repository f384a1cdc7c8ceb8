import { lunrScores, type WindowItem } from './lunr-ranker';
import type { CompiledQuery } from './matcher';
import { unitText, type Segment } from './segment';

/** How many of the best first-pass hits lunr re-ranks (a rescore window, as in Lucene): one page. */
export const RESCORE_WINDOW = 50;

const K1 = 1.2;
const B = 0.75;
const LEAD_BOOST = 2;
const SECTION_BOOST = 1.5;

export interface HitList {
  count: number;
  segments: Uint16Array;
  units: Uint32Array;
  scores: Float64Array;
}

/**
 * First pass, for every hit: BM25 of the query's occurrences against the unit's length, times the
 * unit's boost, more when a hit lies in the lead phrase or the section title contains the query.
 * Cheap enough for tens of thousands of hits; lunr then orders the best of them.
 */
export function firstPassScore(
  occurrences: number,
  length: number,
  averageLength: number,
  boost: number,
  emphasised: boolean,
  sectionHit: boolean,
): number {
  const tf = (occurrences * (K1 + 1)) / (occurrences + K1 * (1 - B + (B * length) / averageLength));
  return tf * boost * (emphasised ? LEAD_BOOST : 1) * (sectionHit ? SECTION_BOOST : 1);
}

/** Folded titles of a section and its parents, joined, for the section boost and `section:`. */
export function sectionChainTitle(segment: Segment, slot: number): string {
  const titles: string[] = [];
  for (let s = slot; s >= 0; s = segment.sections[s]!.parent) titles.push(segment.sections[s]!.title);
  return titles.join('\n');
}

const better = (scores: Float64Array, a: number, b: number) =>
  scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);

/**
 * The `k` best hits by score, best first (ties in hit order). A bounded heap: a page of a query
 * with tens of thousands of hits does not sort them all.
 */
export function topHits(scores: Float64Array, count: number, k: number): number[] {
  if (k >= count / 4) {
    const all = Array.from({ length: count }, (_, i) => i);
    return all.sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k);
  }
  // Min-heap of the best k seen so far (its root is the worst of them).
  const heap: number[] = [];
  const sift = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(scores, heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(scores, heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (let h = 0; h < count; h++) {
    if (heap.length < k) {
      heap.push(h);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!better(scores, heap[parent]!, heap[i]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (better(scores, h, heap[0]!)) {
      heap[0] = h;
      sift(0);
    }
  }
  return heap.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** The window's hits re-ranked by lunr, best first, with their scores (first-pass where lunr has none). */
export function* rerankWindow(
  hits: HitList,
  window: number[],
  segments: Segment[],
  query: CompiledQuery,
): Generator<void, { order: number[]; scores: number[] }> {
  const items: WindowItem[] = window.map((h) => {
    const segment = segments[hits.segments[h]!]!;
    const u = hits.units[h]!;
    const emStart = segment.emphasis[2 * u]!;
    const emEnd = segment.emphasis[2 * u + 1]!;
    return {
      text: unitText(segment, u),
      emphasis: emEnd > emStart ? [emStart, emEnd] : null,
      sectionTitle: sectionChainTitle(segment, segment.sectionSlots[u]!),
      boost: segment.boosts[u]!,
    };
  });
  const lunr = yield* lunrScores(items, query);
  // Hits lunr could not score (a literal of punctuation only) keep their first-pass place.
  const ranked = window
    .map((h, i) => ({ h, score: lunr[i]!, first: hits.scores[h]! }))
    .sort((a, b) => b.score - a.score || b.first - a.first);
  return { order: ranked.map((r) => r.h), scores: ranked.map((r) => (r.score > 0 ? r.score : r.first)) };
}
