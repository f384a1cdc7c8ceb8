import type { Db } from '../store/database';
import { documentHeadings } from '../store/document-lookup';
import { statement } from '../store/statements';
import type { Segment } from './segment';
import { pack, unpack } from './block-codec';
import { decodeSegment, encodeSegment, FORMAT, type BlockFormat } from './segment-codec';
import {
  blockPostings,
  blocksOf,
  textBlocksOf,
  blockText,
  PART_POSITIONS,
  PART_POSTINGS,
  PART_TEXT,
  POSTING_BLOCK,
  PACKED_TEXT_BLOCK,
  TEXT_BLOCK,
  type BlockCache,
  type BlockReader,
} from './segment-parts';

export const SEGMENT_FORMAT = FORMAT;
/** Formats still read (and written again in the new one in the background). */
export const READABLE_FORMATS: readonly number[] = [1, 2, 3, FORMAT];
/** Format 4 packs the head, and the blocks when its head says so (block-codec.ts); format 3 packed nothing. */
const PACKED_FORMAT = 4;
/** The most bytes a packed block unpacks to, by part. */
const PACKED_BYTES = [POSTING_BLOCK, PACKED_TEXT_BLOCK * 2, POSTING_BLOCK];
const textUnits = (packed: boolean) => (packed ? PACKED_TEXT_BLOCK : TEXT_BLOCK);

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

function blockReader(db: Db, id: number, packed: boolean): BlockReader {
  return (part, block) => {
    const row = statement(
      db,
      `SELECT data FROM search_blocks WHERE segment_id = ? AND part = ? AND block = ?`,
    ).get(id, part, block) as { data: Buffer } | undefined;
    // Another connection merged the segment away and dropped its blocks: the caller reloads.
    if (!row) throw new SegmentGoneError(id);
    return packed ? unpack(row.data, PACKED_BYTES[part]!) : row.data;
  };
}

export class SegmentGoneError extends Error {
  constructor(readonly segmentId: number) {
    super(`search segment ${segmentId} is no longer in the library`);
  }
}

/** A persisted segment: its head now, its posting and text blocks when read, through `cache`. */
export function loadSegment(db: Db, id: number, cache: BlockCache): Segment {
  const row = db.prepare(`SELECT format, bytes, data FROM search_segments WHERE id = ?`).get(id) as {
    format: number;
    bytes: number;
    data: Buffer;
  };
  const packed = row.format === PACKED_FORMAT;
  // `bytes` is the unpacked size of head and blocks together: a bound for the head alone.
  return decodeSegment(packed ? unpack(row.data, row.bytes) : row.data, {
    postings: (n, packedBlocks) => blockPostings(n, cache, id, blockReader(db, id, packedBlocks)),
    text: (n, packedBlocks) =>
      blockText(n, cache, id, blockReader(db, id, packedBlocks), textUnits(packedBlocks), packedBlocks),
    positions: (n) => blockPostings(n, cache, id, blockReader(db, id, false), PART_POSITIONS),
  });
}

/** The segment just saved as `id`, its large parts read from the library from now on. */
export function storedParts(
  db: Db,
  id: number,
  segment: Segment,
  cache: BlockCache,
  packBlocks: boolean,
): Segment {
  const read = blockReader(db, id, packBlocks);
  const { positions, ...rest } = segment;
  return {
    ...rest,
    postings: blockPostings(segment.postings.length, cache, id, read),
    text: blockText(segment.text.length, cache, id, read, textUnits(packBlocks), packBlocks),
    // Stored with blocks as they are only (segment-codec.ts).
    ...(positions && !packBlocks
      ? {
          positions: {
            starts: positions.starts,
            bytes: blockPostings(positions.bytes.length, cache, id, read, PART_POSITIONS),
          },
        }
      : {}),
  };
}

/**
 * Stores a segment (head row and blocks) and drops the rows of the ones it replaces (a merge) in
 * one transaction; returns its id. Their blocks stay until `dropBlocks`: a query begun before may
 * still read them. Ids are never used twice (`search_segment_ids`), so a replaced segment's reader
 * never reads a newer segment's blocks. `format` 3 is only for tests that make an older library;
 * in format 4 the head is packed, the posting and text blocks when `packBlocks`.
 */
export function saveSegment(
  db: Db,
  segment: Segment,
  kinds: string,
  replaces: readonly number[] = [],
  format: BlockFormat = FORMAT,
  packBlocks = format === PACKED_FORMAT,
): number {
  const packed = format === PACKED_FORMAT;
  const { head, postings, text, positions } = encodeSegment(segment, format, packed && packBlocks);
  // Packed before the transaction: the write lock is held for the inserts only.
  const headRow = packed ? pack(head, 'head') : head;
  // One block at a time: the text is never held whole as bytes, packed or not.
  const blocks: [part: number, block: number, bytes: Uint8Array][] = [];
  for (const [b, bytes] of blocksOf(postings, POSTING_BLOCK))
    blocks.push([PART_POSTINGS, b, packed && packBlocks ? pack(bytes, 'postings') : bytes]);
  for (const [b, bytes] of textBlocksOf(text, textUnits(packed && packBlocks)))
    blocks.push([PART_TEXT, b, packed && packBlocks ? pack(bytes, 'text') : bytes]);
  for (const [b, bytes] of blocksOf(positions ?? new Uint8Array(0), POSTING_BLOCK))
    blocks.push([PART_POSITIONS, b, bytes]);
  let id = 0;
  db.transaction(() => {
    id = db
      .prepare(
        `UPDATE search_segment_ids
         SET last = max(last, (SELECT coalesce(max(id), 0) FROM search_segments)) + 1 RETURNING last`,
      )
      .pluck()
      .get() as number;
    db.prepare(
      `INSERT INTO search_segments (id, format, kinds, created_at, units, bytes, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      format,
      kinds,
      new Date().toISOString(),
      segment.count,
      head.length + postings.length + text.length * 2,
      headRow,
    );
    const block = db.prepare(`INSERT INTO search_blocks (segment_id, part, block, data) VALUES (?, ?, ?, ?)`);
    for (const [part, b, bytes] of blocks) block.run(id, part, b, bytes);
    const doc = db.prepare(
      `INSERT INTO search_segment_docs (segment_id, document_id, content_hash) VALUES (?, ?, ?)`,
    );
    for (const d of segment.docs) doc.run(id, d.id, d.hash);
    const drop = db.prepare(`DELETE FROM search_segments WHERE id = ?`);
    for (const old of replaces) drop.run(old);
  })();
  return id;
}

/** Segment ids that have blocks but no segment row any more (replaced, dropped, or left by a crash). */
export function orphanBlockSegments(db: Db): number[] {
  return db
    .prepare(
      `SELECT DISTINCT segment_id FROM search_blocks
       WHERE segment_id NOT IN (SELECT id FROM search_segments)`,
    )
    .pluck()
    .all() as number[];
}

/** Drops the blocks of one segment whose row is gone. */
export function dropBlocks(db: Db, segmentId: number): void {
  db.prepare(
    `DELETE FROM search_blocks WHERE segment_id = ? AND segment_id NOT IN (SELECT id FROM search_segments)`,
  ).run(segmentId);
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
