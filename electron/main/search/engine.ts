import {
  compileQuery,
  hitRanges,
  matchSegmentTask,
  VERIFY_STEP,
  type CompiledQuery,
  type Scope,
  type SegmentMatch,
} from './matcher';
import { hasFilters, parseQuery, type ParsedQuery } from './query-parser';
import {
  firstPassScore,
  RESCORE_WINDOW,
  rerankWindow,
  sectionChainTitle,
  topHits,
  type HitList,
} from './ranking';
import { kindCode, kindOf, unitText, type Segment } from './segment';
import { runToEnd } from './segment-build';
import type { SearchHit } from '../../../shared/domain/search';
import { SEARCH_KINDS, type SearchKind } from '../kernel/search-source';

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
  /** Ranks the first `n` hits, one lunr window per step (a sliced caller runs this before `hits`). */
  rank(n: number): Generator<void, void>;
  /** Hits from `offset`, at most `limit` of them. */
  hits(offset: number, limit: number): SearchHit[];
  /**
   * Per hit of `hits(offset, limit)`: for a passage (or a record in one), the passage's section and
   * its number within it (within its document before the first section), as a citation numbers
   * it; null for a hit in no passage.
   */
  places(offset: number, limit: number): ({ sectionId: string | null; paragraph: number } | null)[];
  /**
   * Every hit of one document, unranked, in reading order, with its unit's folded text: for views
   * that list occurrences by document (the term view) without reading the documents again.
   */
  hitsInDocument(docId: string): UnrankedHit[];
}

export interface UnrankedHit {
  kind: SearchKind;
  passageId: string | null;
  recordId: string;
  /** The unit's folded text, as verified (same length as the stored text). */
  folded: string;
}

const PASSAGE = kindCode('passage');

/**
 * A passage unit's paragraph number, counted back through the units before it: a segment holds a
 * document's passages together, in reading order, each with its section's slot — so a citation
 * needs no count of passage rows (which was most of building a page of answers).
 */
function paragraphOf(segment: Segment, u: number): number | null {
  const { kinds, docSlots, sectionSlots } = segment;
  if (kinds[u] !== PASSAGE) return null;
  let n = 1;
  for (let v = u - 1; v >= 0 && docSlots[v] === docSlots[u]; v--)
    if (kinds[v] === PASSAGE && sectionSlots[v] === sectionSlots[u]) n++;
  return n;
}

/**
 * The unit of the passage a unit belongs to (itself for a passage; a glossary entry's or a
 * measure's passage among its document's units, which a segment holds together), or -1.
 */
function passageUnitOf(segment: Segment, u: number): number {
  const id = segment.passageIds.at(u);
  if (!id) return -1;
  const { kinds, docSlots } = segment;
  const doc = docSlots[u];
  // A passage is its own: the scan's first step, without encoding the id for `equalTo` (a
  // Buffer per passage hit of a page).
  if (kinds[u] === PASSAGE && segment.recordIds.at(u) === id) return u;
  const isId = segment.recordIds.equalTo(id);
  const isIt = (v: number) => kinds[v] === PASSAGE && isId(v);
  for (let v = u; v >= 0 && docSlots[v] === doc; v--) if (isIt(v)) return v;
  for (let v = u + 1; v < segment.count && docSlots[v] === doc; v++) if (isIt(v)) return v;
  return -1;
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

function* collect(
  query: ParsedQuery,
  compiled: CompiledQuery,
  live: LiveSegment[],
  docs: Map<string, DocFacts>,
) {
  // A query of filters only (`year:2021 kind:measure`, `doc:湖里`) lists every record in scope.
  const matches: (SegmentMatch | null)[] = [];
  if (query.clauses.length || hasFilters(query))
    for (const ls of live) {
      matches.push(
        ls.segment.count ? yield* matchSegmentTask(ls.segment, compiled, scopeFor(ls, query, docs)) : null,
      );
      yield;
    }
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
  for (const [si, match] of matches.entries()) {
    if (!match) continue;
    const { segment } = live[si]!;
    const averageLength = segment.text.length / segment.count || 1;
    const inSection = sectionHits(segment, compiled);
    const docCounts = new Uint32Array(segment.docs.length);
    for (let i = 0; i < match.units.length; i++, h++) {
      if (i % VERIFY_STEP === VERIFY_STEP - 1) yield;
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
  }
  SEARCH_KINDS.forEach((k, i) => (byKind[k] = kindCounts[i]!));
  return { hits, byKind, perDoc };
}

/**
 * Runs a query over the live segments: every hit verified and counted now; ranking is done when
 * a page is asked for — the best RESCORE_WINDOW by the first pass re-ranked by lunr, the rest in
 * first-pass order with scores scaled below the window's, so scores never rise down the list.
 * Sliced: it yields between small steps of verification (see TaskRunner).
 */
export function* runQueryTask(
  text: string,
  live: LiveSegment[],
  docs: Map<string, DocFacts>,
): Generator<void, RankedResult> {
  const query = parseQuery(text);
  const compiled = compileQuery(query);
  const { hits, byKind, perDoc } = yield* collect(query, compiled, live, docs);
  const segments = live.map((l) => l.segment);
  const ranked: { order: number[]; scores: number[] } = { order: [], scores: [] };

  /**
   * Ranks window after window of RESCORE_WINDOW hits (by first pass) with lunr, as far as a page
   * asks for: the order a user scrolls through is lunr's all the way down, not only for the first
   * window. Each window's scores are scaled below the previous one's, so scores never rise.
   */
  function* rank(n: number): Generator<void, void> {
    const want = Math.min(n, hits.count);
    while (ranked.order.length < want) {
      yield;
      const from = ranked.order.length;
      const next = topHits(hits.scores, hits.count, from + RESCORE_WINDOW).slice(from);
      yield;
      const window = yield* rerankWindow(hits, next, segments, compiled);
      // Another caller ranked this window meanwhile (a page asked for at once between two slices).
      if (ranked.order.length !== from) continue;
      const floor = from ? ranked.scores[from - 1]! : Infinity;
      const top = window.scores[0] ?? 0;
      const scale = top > floor && top > 0 ? (floor * 0.99) / top : 1;
      for (let i = 0; i < window.order.length; i++) {
        ranked.order.push(window.order[i]!);
        const previous = ranked.scores.length ? ranked.scores[ranked.scores.length - 1]! : Infinity;
        ranked.scores.push(Math.min(window.scores[i]! * scale, previous));
      }
    }
  }

  let byDocument: Map<string, number[]> | null = null;
  const hitsInDocument = (docId: string): UnrankedHit[] => {
    if (!byDocument) {
      byDocument = new Map();
      for (let h = 0; h < hits.count; h++) {
        const segment = segments[hits.segments[h]!]!;
        const id = segment.docs[segment.docSlots[hits.units[h]!]!]!.id;
        const list = byDocument.get(id);
        if (list) list.push(h);
        else byDocument.set(id, [h]);
      }
    }
    // A document's units sit in one segment in reading order; matches come out in unit order.
    return (byDocument.get(docId) ?? []).map((h) => {
      const segment = segments[hits.segments[h]!]!;
      const u = hits.units[h]!;
      return {
        kind: kindOf(segment, u),
        passageId: segment.passageIds.at(u)!,
        recordId: segment.recordIds.at(u)!,
        folded: unitText(segment, u),
      };
    });
  };

  return {
    query,
    total: hits.count,
    hitsInDocument,
    byKind,
    byDoc: [...perDoc].map(([docId, count]) => ({ docId, count })),
    rank,
    places(offset, limit) {
      runToEnd(rank(offset + limit));
      return ranked.order.slice(offset, offset + limit).map((h) => {
        const segment = segments[hits.segments[h]!]!;
        const p = passageUnitOf(segment, hits.units[h]!);
        if (p < 0) return null;
        const slot = segment.sectionSlots[p]!;
        return {
          sectionId: slot >= 0 ? segment.sections[slot]!.id : null,
          paragraph: paragraphOf(segment, p)!,
        };
      });
    },
    hits(offset, limit) {
      runToEnd(rank(offset + limit));
      const { order, scores } = ranked;
      return order.slice(offset, offset + limit).map((h, i) => {
        const segment = segments[hits.segments[h]!]!;
        const u = hits.units[h]!;
        return {
          kind: kindOf(segment, u),
          docId: segment.docs[segment.docSlots[u]!]!.id,
          passageId: segment.passageIds.at(u)!,
          recordId: segment.recordIds.at(u)!,
          field: segment.fields.at(u)!,
          score: Math.round(scores[offset + i]! * 1e4) / 1e4,
          ranges: hitRanges(unitText(segment, u), compiled),
        };
      });
    },
  };
}
