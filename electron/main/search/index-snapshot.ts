import type { LiveSegment } from './engine';

/** The segments a reader of the postings sees, and whether they cover the whole library. */
export interface IndexSnapshot {
  segments: LiveSegment[];
  /** False while a large import waits to be indexed (its documents are missing). */
  complete: boolean;
}

/**
 * The segments as they are now, each with a copy of which documents are live: background
 * indexing may change liveness between two slices of a reader, which must see one state.
 * Persisted segments read their blocks when asked; blocks of a segment replaced meanwhile stay
 * until no query runs (retired-blocks.ts).
 */
export function snapshotOf(entries: readonly LiveSegment[]): LiveSegment[] {
  return entries.map((e) => ({ segment: e.segment, aliveDocs: e.aliveDocs.slice() }));
}
