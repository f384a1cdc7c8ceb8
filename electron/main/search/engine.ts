import { compileQuery, hitRanges, matchSegment, type CompiledQuery, type Scope } from './matcher';
import { parseQuery, type ParsedQuery } from './query-parser';
import {
  firstPassScore,
  RESCORE_WINDOW,
  rerankWindow,
  sectionChainTitle,
  topHits,
  type HitList,
} from './ranking';
import { kindCode, kindOf, unitText, type Segment } from './segment';
import type { SearchHit } from '../../../shared/domain/search';
import { SEARCH_KINDS, type SearchKind } from './source';

export type { SearchHit };

/** A segment as searched: which of its documents still hold the content it indexed. */
export interface LiveSegment {
  segment: Segment;
  aliveDocs: Uint8Array;
}

export interface DocFacts {
  id: string;
  /** Folded title, for `doc:`. */
  title: string;
  year: number | null;
}

export interface RankedResult {
  query: ParsedQuery;
  total: number;
  byKind: Record<SearchKind, number>;
  byDoc: { docId: string; count: number }[];
  /** Hits from `offset`, at most `limit` of them. */
  hits(offset: number, limit: number): SearchHit[];
}

function scopeFor(live: LiveSegment, query: ParsedQuery, docs: Map<string, DocFacts>): Scope {
  const { segment } = live;
  const { filters } = query;
  const docMask = new Uint8Array(segment.docs.length);
  segment.docs.forEach((d, slot) => {
    if (!live.aliveDocs[slot]) return;
    const facts = docs.get(d.id);
    if (!facts) return;
    if (filters.docs.length && !filters.docs.some((v) => v === d.id || facts.title.includes(v))) return;
    const year = facts.year;
    if (filters.years.length && (year === null || !filters.years.some(([a, b]) => year >= a && year <= b)))
      return;
    docMask[slot] = 1;
  });
  let kinds = 0;
  for (const k of filters.kinds) kinds |= 1 << kindCode(k);
  let sections: Uint8Array | null = null;
  if (filters.sections.length) {
    sections = new Uint8Array(segment.sections.length);
    for (let s = 0; s < sections.length; s++) {
      const chain = sectionChainTitle(segment, s);
      if (filters.sections.some((v) => chain.includes(v))) sections[s] = 1;
    }
  }
  return { docs: docMask, kinds, sections };
}

function sectionHits(segment: Segment, query: CompiledQuery): (slot: number) => boolean {
  const memo = new Int8Array(segment.sections.length).fill(-1);
  const literals = query.clauses.flat().map((l) => l.text);
  return (slot) => {
    if (slot < 0) return false;
    if (memo[slot]! < 0) {
      const chain = sectionChainTitle(segment, slot);
      memo[slot] = literals.some((l) => chain.includes(l)) ? 1 : 0;
    }
    return memo[slot] === 1;
  };
}

function collect(
  query: ParsedQuery,
  compiled: CompiledQuery,
  live: LiveSegment[],
  docs: Map<string, DocFacts>,
) {
  const matches = query.clauses.length
    ? live.map((ls) =>
        ls.segment.count ? matchSegment(ls.segment, compiled, scopeFor(ls, query, docs)) : null,
      )
    : [];
  const count = matches.reduce((n, m) => n + (m?.units.length ?? 0), 0);
  const hits: HitList = {
    count,
    segments: new Uint16Array(count),
    units: new Uint32Array(count),
    scores: new Float64Array(count),
  };
  const byKind = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
  const kindCounts = new Uint32Array(SEARCH_KINDS.length);
  const perDoc = new Map<string, number>();
  let h = 0;
  matches.forEach((match, si) => {
    if (!match) return;
    const { segment } = live[si]!;
    const averageLength = segment.text.length / segment.count || 1;
    const inSection = sectionHits(segment, compiled);
    const docCounts = new Uint32Array(segment.docs.length);
    for (let i = 0; i < match.units.length; i++, h++) {
      const u = match.units[i]!;
      hits.segments[h] = si;
      hits.units[h] = u;
      hits.scores[h] = firstPassScore(
        match.occurrences[i]!,
        segment.textStarts[u + 1]! - segment.textStarts[u]!,
        averageLength,
        segment.boosts[u]!,
        match.emphasised[i] === 1,
        inSection(segment.sectionSlots[u]!),
      );
      kindCounts[segment.kinds[u]!]!++;
      docCounts[segment.docSlots[u]!]!++;
    }
    docCounts.forEach((n, slot) => {
      const docId = segment.docs[slot]!.id;
      if (n) perDoc.set(docId, (perDoc.get(docId) ?? 0) + n);
    });
  });
  SEARCH_KINDS.forEach((k, i) => (byKind[k] = kindCounts[i]!));
  return { hits, byKind, perDoc };
}

/**
 * Runs a query over the live segments: every hit verified and counted now; ranking is done when
 * a page is asked for — the best RESCORE_WINDOW by the first pass re-ranked by lunr, the rest in
 * first-pass order with scores scaled below the window's, so scores never rise down the list.
 */
export function runQuery(text: string, live: LiveSegment[], docs: Map<string, DocFacts>): RankedResult {
  const query = parseQuery(text);
  const compiled = compileQuery(query);
  const { hits, byKind, perDoc } = collect(query, compiled, live, docs);
  const segments = live.map((l) => l.segment);
  let window: { order: number[]; scores: number[] } | null = null;
  let ranked: { order: number[]; scores: number[] } = { order: [], scores: [] };

  const rankedUpTo = (n: number) => {
    window ??= rerankWindow(hits, topHits(hits.scores, hits.count, RESCORE_WINDOW), segments, compiled);
    if (ranked.order.length >= Math.min(n, hits.count)) return ranked;
    const rest =
      n > window.order.length ? topHits(hits.scores, hits.count, n).slice(window.order.length) : [];
    const scores = [...window.scores];
    const floor = scores.length ? scores[scores.length - 1]! : 1;
    const top = rest.length ? hits.scores[rest[0]!]! : 0;
    for (const r of rest) scores.push(top > 0 ? (hits.scores[r]! / top) * floor * 0.99 : 0);
    for (let i = 1; i < scores.length; i++) scores[i] = Math.min(scores[i]!, scores[i - 1]!);
    return (ranked = { order: [...window.order, ...rest], scores });
  };

  return {
    query,
    total: hits.count,
    byKind,
    byDoc: [...perDoc].map(([docId, count]) => ({ docId, count })),
    hits(offset, limit) {
      const { order, scores } = rankedUpTo(offset + limit);
      return order.slice(offset, offset + limit).map((h, i) => {
        const segment = segments[hits.segments[h]!]!;
        const u = hits.units[h]!;
        return {
          kind: kindOf(segment, u),
          docId: segment.docs[segment.docSlots[u]!]!.id,
          passageId: segment.passageIds[u]!,
          recordId: segment.recordIds[u]!,
          field: segment.fields[u]!,
          score: Math.round(scores[offset + i]! * 1e4) / 1e4,
          ranges: hitRanges(unitText(segment, u), compiled),
        };
      });
    },
  };
}
