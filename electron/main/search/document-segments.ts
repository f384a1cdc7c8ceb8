import type { Db } from '../store/database';
import { documentTextLength } from '../store/passage-reader';
import type { SearchSource, SearchUnit } from '../kernel/search-source';
import { sectionsOf } from './library-sources';
import type { Segment } from './segment';
import { buildSegment } from './segment-build';
import type { DocRow } from './segment-store';
import { textBatches } from './text-batches';

/** Characters of text per built or merged segment: bounds one blob write and one merge. */
export const SEGMENT_TEXT_BUDGET = 600_000;

/** The sources a segment indexes (live ones are searched without one). */
export const indexedSources = (sources: readonly SearchSource[]): readonly SearchSource[] =>
  sources.filter((s) => s.mode === 'indexed');

/** Which kinds of units a segment holds: one built for other kinds is stale. */
export const kindsKey = (sources: readonly SearchSource[]): string =>
  indexedSources(sources)
    .map((s) => s.kind)
    .sort()
    .join(',');

/** Characters of text of the documents, as a build of them weighs. */
export const textLength = (db: Db, ids: readonly string[]): number =>
  ids.reduce((n, id) => n + documentTextLength(db, id), 0);

/**
 * Segments a rebuild aims at: fewer than the merge policy's 24, so that what is imported next does
 * not set off merges at once.
 */
const REBUILD_SEGMENTS = 20;
/**
 * The largest batch of a rebuild: a build's transient arrays grow with its text (at 3,000 reports
 * the rebuild's peak RSS was 393 MB at this size against 322 MB at 600,000 characters), while
 * twice 600,000 still left 50 segments to merge down at the next import (peak 423 MB, against 393).
 */
const REBUILD_TEXT_BUDGET = 4 * SEGMENT_TEXT_BUDGET;

/** Groups documents into batches of about one segment's worth of text. */
export function textBatchesOf(db: Db, ids: readonly string[]): Generator<void, string[][]> {
  return textBatches(ids, (id) => documentTextLength(db, id), SEGMENT_TEXT_BUDGET);
}

/**
 * Batches for a rebuild of the whole library: larger ones in a large library, so that it ends with
 * about `REBUILD_SEGMENTS` segments rather than one per 600,000 characters. At 3,000 reports that
 * was 103 segments, whose term dictionaries were all held at once, and then merged down to 24 at the
 * next import: the text written again twice over, and the process' peak RSS 322 → 440 MB there.
 */
export function rebuildBatchesOf(db: Db, ids: readonly string[]): Generator<void, string[][]> {
  const budget = (total: number) =>
    Math.min(REBUILD_TEXT_BUDGET, Math.max(SEGMENT_TEXT_BUDGET, Math.ceil(total / REBUILD_SEGMENTS)));
  return textBatches(ids, (id) => documentTextLength(db, id), budget);
}

/** A segment of the documents' units from every indexed source, in slices (one per document). */
export function* buildDocumentSegment(
  db: Db,
  sources: readonly SearchSource[],
  library: ReadonlyMap<string, DocRow>,
  docIds: string[],
): Generator<void, Segment> {
  const units: SearchUnit[] = [];
  for (const id of docIds) {
    for (const source of indexedSources(sources)) units.push(...source.unitsFor(db, [id]));
    yield;
  }
  const docs = docIds.flatMap((id) => {
    const row = library.get(id);
    return row ? [{ id, hash: row.hash }] : [];
  });
  return yield* buildSegment({ docs, sections: sectionsOf(db, docIds), units });
}
