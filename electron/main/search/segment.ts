import { readPostings } from './posting-lists';
import { intersect } from './postings';
import type { PostingBytes, SegmentText } from './segment-parts';
import { SEARCH_KINDS, type SearchKind } from '../kernel/search-source';
import { UnitStrings } from './unit-strings';

/** A document as a segment knows it: the content it indexed (a later edition makes it stale). */
export interface SegmentDoc {
  id: string;
  hash: string;
}

export interface SegmentSection {
  id: string;
  /** Folded title, for `section:` and the section-title boost. */
  title: string;
  /** Slot of the enclosing section in the same segment, or -1. */
  parent: number;
}

/**
 * An immutable slice of the index, like a Lucene segment: the units of a set of documents with
 * their folded texts (for verification) and, per term, the sorted list of units that contain it
 * (for candidates). Built per import batch, merged in the background, persisted as one blob.
 */
export interface Segment {
  docs: SegmentDoc[];
  sections: SegmentSection[];
  count: number;
  /** Per unit: index into SEARCH_KINDS. */
  kinds: Uint8Array;
  docSlots: Uint32Array;
  /** Per unit: slot into `sections`, or -1. */
  sectionSlots: Int32Array;
  /** Per unit: start and end of the emphasised span (both 0 when none). */
  emphasis: Uint32Array;
  boosts: Float32Array;
  recordIds: UnitStrings;
  fields: UnitStrings;
  passageIds: UnitStrings;
  /** Per unit: where its folded text starts in `text` (count + 1 entries). */
  textStarts: Uint32Array;
  /** In memory when just built; read in blocks when persisted (segment-parts.ts). */
  text: SegmentText;
  /**
   * Sorted term keys (see grams.ts) and, per term, its units as the bytes
   * `postings[starts[t]..starts[t+1]]` (posting-lists.ts): the term dictionary stays in memory,
   * the posting bytes of a persisted segment are read per list.
   */
  keys: Float64Array;
  starts: Uint32Array;
  postings: PostingBytes;
  /**
   * Where each term occurs in each of its units (segment-positions.ts), so that a query answers
   * without reading text: kept by an index too large for its text to stay in the block cache.
   */
  positions?: SegmentPositions;
}

/** Per term (rank in `keys`) the bytes `bytes[starts[t]..starts[t+1]]`, one entry per posting. */
export interface SegmentPositions {
  starts: Uint32Array;
  bytes: PostingBytes;
}

/** Per-unit columns as a builder or a merge fills them: the strings as arrays until `finishUnits`. */
export type UnitColumns = Pick<
  Segment,
  'kinds' | 'docSlots' | 'sectionSlots' | 'emphasis' | 'boosts' | 'textStarts'
> & {
  recordIds: string[];
  fields: string[];
  passageIds: (string | null)[];
};

/** The filled columns as a segment holds them (unit-strings.ts). */
export function finishUnits(columns: UnitColumns): Pick<Segment, keyof UnitColumns> {
  const recordIds = UnitStrings.of(columns.recordIds);
  return {
    ...columns,
    recordIds,
    fields: UnitStrings.of(columns.fields),
    passageIds: UnitStrings.of(columns.passageIds, recordIds),
  };
}

/** Empty per-unit columns for `count` units, for a builder or a merge to fill. */
export function allocateUnits(count: number): UnitColumns {
  return {
    kinds: new Uint8Array(count),
    docSlots: new Uint32Array(count),
    sectionSlots: new Int32Array(count),
    emphasis: new Uint32Array(count * 2),
    boosts: new Float32Array(count),
    textStarts: new Uint32Array(count + 1),
    recordIds: new Array<string>(count),
    fields: new Array<string>(count),
    passageIds: new Array<string | null>(count),
  };
}

export const kindCode = (kind: SearchKind): number => SEARCH_KINDS.indexOf(kind);
export const kindOf = (segment: Segment, unit: number): SearchKind => SEARCH_KINDS[segment.kinds[unit]!]!;

export function unitText(segment: Segment, unit: number): string {
  return segment.text.slice(segment.textStarts[unit]!, segment.textStarts[unit + 1]!);
}

/** Rank of the term `key` in sorted `keys`, or -1 when it is not there. */
export function termRank(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Units of the term, or null when no unit has it. */
export function postingsOf(segment: Segment, key: number): Uint32Array | null {
  const t = termRank(segment.keys, key);
  return t < 0 ? null : postingsAt(segment, t);
}

/**
 * A bound on the units having every term, for a caller that verifies each against its text: lists
 * read shortest first (by their bytes), stopping once none is left — a literal rare in the library
 * has no unit in most segments — or once the units left are so few that checking their text costs
 * less than decoding the next list (a common term's list runs to thousands of postings).
 */
export function candidatesOf(segment: Segment, keys: readonly number[]): Uint32Array {
  const ranks = keys.map((k) => termRank(segment.keys, k));
  if (!ranks.length || ranks.includes(-1)) return new Uint32Array(0);
  const { starts } = segment;
  const bytes = (t: number) => starts[t + 1]! - starts[t]!;
  ranks.sort((a, b) => bytes(a) - bytes(b));
  let acc = postingsAt(segment, ranks[0]!);
  for (let i = 1; i < ranks.length && acc.length; i++) {
    if (bytes(ranks[i]!) > DECODE_PER_CANDIDATE * acc.length) break;
    acc = intersect(acc, postingsAt(segment, ranks[i]!));
  }
  return acc;
}

/**
 * Posting bytes worth decoding per candidate left: checking a unit's text costs about a microsecond,
 * decoding a posting a few nanoseconds.
 */
const DECODE_PER_CANDIDATE = 64;

/** Units of the term at rank `t` of the segment's keys. */
export function postingsAt(segment: Segment, t: number): Uint32Array {
  const bytes = segment.postings.read(segment.starts[t]!, segment.starts[t + 1]!);
  return readPostings(bytes, 0, bytes.length);
}

export function segmentBytes(segment: Segment): number {
  return (
    segment.keys.byteLength +
    segment.starts.byteLength +
    segment.postings.length +
    segment.text.length * 2 +
    segment.count * 24
  );
}
