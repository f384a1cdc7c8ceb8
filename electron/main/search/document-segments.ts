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

/** Groups documents into batches of about one segment's worth of text. */
export function textBatchesOf(db: Db, ids: readonly string[]): Generator<void, string[][]> {
  return textBatches(ids, (id) => documentTextLength(db, id), SEGMENT_TEXT_BUDGET);
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
