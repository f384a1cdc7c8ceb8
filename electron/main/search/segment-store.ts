import type { Db } from '../store/database';
import { documentHeadings } from '../store/document-lookup';
import type { Segment } from './segment';
import { decodeSegment, encodeSegment, FORMAT } from './segment-codec';

export const SEGMENT_FORMAT = FORMAT;
/** Formats still read (and written again in the new one in the background). */
export const READABLE_FORMATS: readonly number[] = [1, FORMAT];

export interface SegmentRow {
  id: number;
  format: number;
  kinds: string;
  units: number;
  bytes: number;
}

/** Persisted segments, oldest first (a later segment's copy of a document wins). */
export function listSegments(db: Db): SegmentRow[] {
  return db
    .prepare(`SELECT id, format, kinds, units, bytes FROM search_segments ORDER BY id`)
    .all() as SegmentRow[];
}

export function loadSegment(db: Db, id: number): Segment {
  const row = db.prepare(`SELECT data FROM search_segments WHERE id = ?`).get(id) as { data: Buffer };
  return decodeSegment(row.data);
}

/** Stores a segment and drops the ones it replaces (a merge) in one transaction; returns its id. */
export function saveSegment(
  db: Db,
  segment: Segment,
  kinds: string,
  replaces: readonly number[] = [],
): number {
  const blob = encodeSegment(segment);
  let id = 0;
  db.transaction(() => {
    id = Number(
      db
        .prepare(
          `INSERT INTO search_segments (format, kinds, created_at, units, bytes, data) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(SEGMENT_FORMAT, kinds, new Date().toISOString(), segment.count, blob.length, blob)
        .lastInsertRowid,
    );
    const doc = db.prepare(
      `INSERT INTO search_segment_docs (segment_id, document_id, content_hash) VALUES (?, ?, ?)`,
    );
    for (const d of segment.docs) doc.run(id, d.id, d.hash);
    const drop = db.prepare(`DELETE FROM search_segments WHERE id = ?`);
    for (const old of replaces) drop.run(old);
  })();
  return id;
}

export function deleteSegments(db: Db, ids: readonly number[]): void {
  const drop = db.prepare(`DELETE FROM search_segments WHERE id = ?`);
  db.transaction(() => ids.forEach((id) => drop.run(id)))();
}

export interface DocRow {
  id: string;
  hash: string;
  title: string;
  year: number | null;
}

export function libraryDocs(db: Db): DocRow[] {
  return documentHeadings(db).map(({ id, hash, title, year }) => ({ id, hash, title, year }));
}

export function indexBytes(db: Db): number {
  return (db.prepare(`SELECT coalesce(sum(bytes), 0) AS n FROM search_segments`).get() as { n: number }).n;
}
