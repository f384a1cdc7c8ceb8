import type { SearchStatus } from '../../../shared/domain/search';
import type { Db } from '../store/database';
import type { LiveSegment } from './engine';
import type { BlockCache } from './segment-parts';
import {
  listSegments,
  loadSegment,
  READABLE_FORMATS,
  SEGMENT_FORMAT,
  type SegmentRow,
} from './segment-store';
import { documentCount, unindexedCount } from '../store/document-lookup';

/** A segment of the index: persisted as `rowId`, or null while the library may not be written. */
export interface Entry extends LiveSegment {
  rowId: number | null;
}

export type LoadedRow = { entry: Entry; upgrade: boolean } | 'stale' | 'known';

/**
 * A persisted segment as an entry (its head only, in format 3: blocks are read when asked): 'known'
 * when loaded already, 'stale' when of a format no longer read or built for other kinds of units.
 */
export function loadRow(db: Db, row: SegmentRow, kinds: string, entries: Entry[], blocks: BlockCache): LoadedRow {
  if (entries.some((e) => e.rowId === row.id)) return 'known';
  if (!READABLE_FORMATS.includes(row.format) || row.kinds !== kinds) return 'stale';
  const segment = loadSegment(db, row.id, blocks);
  return {
    entry: { rowId: row.id, segment, aliveDocs: new Uint8Array(segment.docs.length) },
    upgrade: row.format !== SEGMENT_FORMAT,
  };
}

/**
 * The entries as the segment rows now are, after another connection changed them (a CLI import
 * beside the app): the ones it replaced dropped, the ones it added loaded, oldest first, so that
 * no query reads blocks of a segment that is gone.
 */
export function followRows(db: Db, entries: Entry[], load: (row: SegmentRow, entries: Entry[]) => void): Entry[] {
  const rows = listSegments(db);
  const ids = new Set(rows.map((r) => r.id));
  const kept = entries.filter((e) => e.rowId === null || ids.has(e.rowId));
  for (const row of rows) load(row, kept);
  return kept.sort((a, b) => (a.rowId ?? Infinity) - (b.rowId ?? Infinity));
}

/** Status before the segments are loaded: what the persisted ones cover, from their document rows. */
export function coldStatus(db: Db, loading: boolean, task: string | null): Omit<SearchStatus, 'rebuild'> {
  const documents = documentCount(db);
  const pending = unindexedCount(db);
  return {
    state: loading ? 'loading' : 'cold',
    documents,
    indexed: documents - pending,
    pending,
    segments: 0,
    units: 0,
    task,
    upgrade: null,
  };
}
