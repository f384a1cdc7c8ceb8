import type { Db } from '../store/database';
import { RetiredBlocks } from './retired-blocks';
import { segmentBytes, type Segment } from './segment';
import type { Entry } from './segment-loader';
import { BlockCache } from './segment-parts';
import { positionsOf } from './segment-positions';
import { deleteSegments, listSegments, saveSegment, SEGMENT_FORMAT, storedParts } from './segment-store';

/**
 * Posting and text blocks kept in memory across queries: bounded, so the index's memory no longer
 * grows with the library. 48 MB holds every block of a 500-report library (40 MB), so at that size
 * a query verifies against cached text; at 24 MB the same 150 queries read 12,000 blocks again.
 * Half is for text and half for posting bytes (about 20 and 18 MB at 500 reports): at 3,000
 * reports text filled nearly all of it, 47 MB of strings that V8 let its heap grow for.
 */
const BLOCK_CACHE_BYTES = 48 * 1024 * 1024;
/**
 * Posting and text blocks are packed (about half the room) while the whole index, unpacked, is at
 * most twice the cache: what queries read then stays in the cache once read, each block unpacked
 * once. Past that, queries read the same blocks again and again: with every block packed,
 * unpacking was 63 % of a query's CPU at 3,000 reports (p50 219 ms); with posting blocks still
 * packed, 60 such queries took 12.5 s of CPU against 10.3-10.8 s unpacked. So larger libraries
 * keep their blocks as they are; heads are always packed (read once, at open: 54 → 7 MB at XL).
 */
const PACK_BLOCKS_UP_TO_INDEX_BYTES = 2 * BLOCK_CACHE_BYTES;

const rowIds = (entries: Entry[]): number[] => entries.flatMap((e) => (e.rowId === null ? [] : [e.rowId]));

/**
 * How the index writes its segments: saved with their blocks, replaced ones retired (rows now,
 * blocks once no query reads them), and nothing written to a library that is read-only — the index
 * then lives in memory only.
 */
export class SegmentWriter {
  persist = true;
  readonly blocks = new BlockCache(BLOCK_CACHE_BYTES / 2, BLOCK_CACHE_BYTES / 2);
  readonly retired: RetiredBlocks;

  constructor(
    private readonly db: Db,
    /** Unpacked index bytes up to which blocks are packed (the rule above; tests give a smaller one). */
    private readonly packBlocksUpTo = PACK_BLOCKS_UP_TO_INDEX_BYTES,
  ) {
    this.retired = new RetiredBlocks(db);
  }

  /**
   * Saves a segment built or merged in memory; the entry reads its large parts from the library
   * from now on. `coming`: unpacked bytes of segments about to be saved after this one (a rebuild's
   * batches still to build), so that its blocks are packed or not for the index as it will be —
   * a rebuild from empty at 3,000 reports packed its first 8 of 26 segments, and queries then
   * unpacked their blocks again and again (78,000 unpacks, 24.6 s of CPU over 300 queries).
   */
  save(segment: Segment, kinds: string, replaces: Entry[], coming = 0): Entry {
    const old = rowIds(replaces);
    const packBlocks = this.packs(segment, replaces, coming);
    const rowId = this.write(() => saveSegment(this.db, segment, kinds, old, SEGMENT_FORMAT, packBlocks));
    if (rowId !== null) this.retired.retire(old);
    const stored = rowId === null ? segment : storedParts(this.db, rowId, segment, this.blocks, packBlocks);
    return { rowId, segment: stored, aliveDocs: new Uint8Array(segment.docs.length) };
  }

  /** Whether `save` would pack the blocks of `segment` replacing `replaces` (the rule above). */
  private packs(segment: Segment, replaces: Entry[], coming = 0, rows = listSegments(this.db)): boolean {
    const replaced = rowIds(replaces);
    const kept = rows.filter((r) => !replaced.includes(r.id));
    return kept.reduce((n, r) => n + r.bytes, segmentBytes(segment)) + coming <= this.packBlocksUpTo;
  }

  /**
   * The segment as `save` will keep it, made in slices: with its positions (segment-positions.ts)
   * when its blocks are stored as they are, where queries would otherwise read text past what the
   * cache holds. `save` drops positions it would not keep.
   */
  *asSaved(segment: Segment, replaces: Entry[], coming = 0): Generator<void, Segment> {
    if (segment.positions || !this.persist || this.packs(segment, replaces, coming)) return segment;
    return { ...segment, positions: yield* positionsOf(segment) };
  }

  /**
   * Saved entries that `save` would write otherwise now, to write again in place. A library
   * imported a few reports at a time packed its first segments and keeps them when it grows past
   * the packing limit, as merges leave its largest segments alone: queries would unpack their
   * blocks again and again (at 3,000 reports 78,000 unpacks, 24.6 s of CPU for 300 queries) and
   * verify against text rather than positions; so would a large library's segments written before
   * positions were kept. The segment rows are read once for all of them.
   */
  outOfShape(entries: readonly Entry[]): Entry[] {
    if (!this.persist) return [];
    const rows = listSegments(this.db);
    return entries.filter(
      (e) =>
        e.rowId !== null &&
        (e.segment.text.packed || !e.segment.positions) &&
        !this.packs(e.segment, [e], 0, rows),
    );
  }

  /** Deletes the entries' rows now; their blocks once no query can read them. */
  retire(entries: Entry[]): void {
    this.retireIds(rowIds(entries));
  }

  retireIds(ids: number[]): void {
    if (ids.length && this.write(() => deleteSegments(this.db, ids)) !== null) this.retired.retire(ids);
  }

  *dropRetiredTask(readersIdle: () => boolean): Generator<void, void> {
    yield* this.retired.dropTask(readersIdle, (fn) => this.write(fn));
  }

  /** Runs a write unless the library is read-only (found out at the first refused write): null then. */
  write<T>(fn: () => T): T | null {
    if (!this.persist) return null;
    try {
      return fn();
    } catch (error) {
      if (/readonly|read-only/i.test((error as Error).message)) {
        this.persist = false;
        return null;
      }
      throw error;
    }
  }
}
