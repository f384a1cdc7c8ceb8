import { isWordCodePoint } from './fold';
import { bigramKey, codePointAt } from './grams';
import { intersectAll } from './postings';
import { postingsAt, termRank, type Segment, type SegmentPositions } from './segment';
import { readVarint, skipEntry } from './segment-positions';
import {
  inScope,
  MatchBuilder,
  VERIFY_STEP,
  type CompiledQuery,
  type Scope,
  type SegmentMatch,
} from './unit-match';

/** A literal made of word characters only: its code points and where each starts, in code units. */
interface WordRun {
  text: string;
  points: number[];
  offsets: number[];
}

function wordRun(text: string): WordRun | null {
  if (!text) return null;
  const points: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = codePointAt(text, i);
    if (!isWordCodePoint(cp)) return null;
    points.push(cp);
    offsets.push(i);
    if (cp >= 0x10000) i++;
  }
  return { text, points, offsets };
}

/** Every literal of the query as a word run, or null when one is not (it is then verified against text). */
export function positionalLiterals(
  query: CompiledQuery,
): { positive: WordRun[]; excluded: WordRun[] } | null {
  const positive = query.clauses.flat().map((l) => wordRun(l.text));
  const excluded = query.excludes.map(wordRun);
  if (!positive.length || positive.includes(null) || excluded.includes(null)) return null;
  return { positive: positive as WordRun[], excluded: excluded as WordRun[] };
}

const EMPTY: SegmentMatch = {
  units: new Uint32Array(0),
  occurrences: new Uint16Array(0),
  emphasised: new Uint8Array(0),
};

/** A term's units and its position entries, read unit by unit in step with a walk over candidates. */
class EntryCursor {
  readonly units: Uint32Array;
  private readonly bytes: Uint8Array;
  private index = 0;
  private at = { i: 0 };
  /** Positions in the unit last read by `positionsIn` (the same array, refilled). */
  readonly positions: number[] = [];

  constructor(segment: Segment, positions: SegmentPositions, rank: number) {
    this.units = postingsAt(segment, rank);
    this.bytes = positions.bytes.read(positions.starts[rank]!, positions.starts[rank + 1]!);
  }

  /** Reads a pair's positions in unit `u` (which its list holds, at or after the last one read). */
  positionsIn(u: number): void {
    while (this.units[this.index]! < u) {
      this.at.i = skipEntry(this.bytes, this.at.i, true);
      this.index++;
    }
    this.index++;
    const out = this.positions;
    out.length = 0;
    let p = 0;
    for (let n = readVarint(this.bytes, this.at); n > 0; n--)
      out.push((p += readVarint(this.bytes, this.at)));
  }

  /** A character's next entry, for the next unit of its list: `count << 1 | emphasised`. */
  nextCount(): number {
    return readVarint(this.bytes, this.at);
  }
}

/** The hits of one literal of a single character: its counts, no text and no positions. */
function characterHits(
  segment: Segment,
  positions: SegmentPositions,
  rank: number,
  scope: Scope,
): SegmentMatch {
  const cursor = new EntryCursor(segment, positions, rank);
  const { units } = cursor;
  const out = new MatchBuilder(units.length);
  for (const u of units) {
    const entry = cursor.nextCount();
    if (inScope(segment, scope, u)) out.add(u, entry >>> 1, (entry & 1) === 1);
  }
  return out.done();
}

/**
 * The hits of one literal: units having all of its pairs, then in each, the starts of its first
 * pair where every later pair follows at its offset — the literal's occurrences, counted without
 * overlap as a text search counts them.
 */
function* literalHits(segment: Segment, run: WordRun, scope: Scope): Generator<void, SegmentMatch> {
  const positions = segment.positions!;
  const { points, offsets } = run;
  if (points.length === 1) {
    const rank = termRank(segment.keys, points[0]!);
    return rank < 0 ? EMPTY : characterHits(segment, positions, rank, scope);
  }
  const ranks = points.slice(1).map((cp, j) => termRank(segment.keys, bigramKey(points[j]!, cp)));
  if (ranks.includes(-1)) return EMPTY;
  const distinct = [...new Set(ranks)];
  const cursors = distinct.map((rank) => new EntryCursor(segment, positions, rank));
  // Each pair's positions in the unit at hand (one list per distinct pair, filled in place).
  const byPair = ranks.map((rank) => cursors[distinct.indexOf(rank)]!.positions);
  const candidates = intersectAll(cursors.map((c) => c.units));
  const out = new MatchBuilder(candidates.length);
  const length = run.text.length;
  const next = new Array<number>(ranks.length).fill(0);
  for (let i = 0; i < candidates.length; i++) {
    if (i % VERIFY_STEP === VERIFY_STEP - 1) yield;
    const u = candidates[i]!;
    if (!inScope(segment, scope, u)) continue;
    for (const cursor of cursors) cursor.positionsIn(u);
    next.fill(0);
    const emStart = segment.emphasis[2 * u]!;
    const emEnd = segment.emphasis[2 * u + 1]!;
    let count = 0;
    let end = 0;
    let emphasised = false;
    for (const start of byPair[0]!) {
      if (start < end || !followsAt(byPair, offsets, next, start)) continue;
      count++;
      end = start + length;
      if (start >= emStart && end <= emEnd) emphasised = true;
    }
    if (count) out.add(u, count, emphasised);
  }
  return out.done();
}

/** Whether each later pair of the literal occurs at its offset from `start` (pointers in `next` only move on). */
function followsAt(byPair: number[][], offsets: number[], next: number[], start: number): boolean {
  for (let j = 1; j < byPair.length; j++) {
    const list = byPair[j]!;
    const want = start + offsets[j]!;
    let k = next[j]!;
    while (k < list.length && list[k]! < want) k++;
    next[j] = k;
    if (list[k] !== want) return false;
  }
  return true;
}

/**
 * The query over a segment with positions, no text read: each literal's hits, then the clauses
 * (a unit needs a literal of each, and none excluded), occurrences summed over the literals and
 * emphasised when any is — what verifying the candidates against their text finds.
 */
export function* matchByPositions(
  segment: Segment,
  query: CompiledQuery,
  literals: { positive: WordRun[]; excluded: WordRun[] },
  scope: Scope,
): Generator<void, SegmentMatch> {
  if (literals.positive.length === 1 && !literals.excluded.length)
    return yield* literalHits(segment, literals.positive[0]!, scope);
  const count = segment.count;
  const occurrences = new Uint32Array(count);
  const emphasised = new Uint8Array(count);
  const clausesMet = new Uint16Array(count);
  let k = 0;
  for (const clause of query.clauses) {
    const met = new Uint8Array(count);
    for (let l = 0; l < clause.length; l++) {
      const hits = yield* literalHits(segment, literals.positive[k++]!, scope);
      hits.units.forEach((u, h) => {
        occurrences[u]! += hits.occurrences[h]!;
        emphasised[u]! |= hits.emphasised[h]!;
        met[u] = 1;
      });
    }
    for (let u = 0; u < count; u++) clausesMet[u]! += met[u]!;
  }
  for (const run of literals.excluded) {
    const hits = yield* literalHits(segment, run, scope);
    for (const u of hits.units) clausesMet[u] = 0;
  }
  const out = new MatchBuilder(count);
  for (let u = 0; u < count; u++)
    if (clausesMet[u] === query.clauses.length && occurrences[u])
      out.add(u, occurrences[u]!, emphasised[u] === 1);
  return out.done();
}
