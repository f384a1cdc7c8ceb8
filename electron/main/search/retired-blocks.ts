import { releaseFreePages, type Db } from '../store/database';
import { dropBlocks, orphanBlockSegments } from './segment-store';

/**
 * Free pages given back to the file system in one slice: 256 pages (2 MB at 8 KB pages) took
 * 1.6 ms of CPU at p50 and 3.6 ms at most on a 500-report library, so a query waits at most that
 * long behind one (an XL import left 494 MB of free pages before these were given back).
 */
export const RELEASE_PAGES_PER_STEP = 256;

/**
 * Blocks of segments that a merge, a rebuild or a drop replaced. Their rows go at once; their
 * blocks only when no query is running, since one begun before may still read them. One
 * segment's blocks per slice: a merge group of small segments does not become one long delete.
 * The pages they held then go back to the file system a bounded number a slice (libraries
 * created with `auto_vacuum = INCREMENTAL`; older ones reuse them for later writes).
 */
export class RetiredBlocks {
  private ids = new Set<number>();

  constructor(private readonly db: Db) {}

  retire(ids: readonly number[]): void {
    ids.forEach((id) => this.ids.add(id));
  }

  /** Blocks left by an earlier session (a crash between a merge and its clean-up). */
  adoptOrphans(): void {
    this.retire(orphanBlockSegments(this.db));
  }

  get size(): number {
    return this.ids.size;
  }

  *dropTask(readersIdle: () => boolean, write: (fn: () => void) => void): Generator<void, void> {
    for (const id of [...this.ids]) {
      if (!readersIdle()) return;
      write(() => dropBlocks(this.db, id));
      this.ids.delete(id);
      yield;
    }
    let left = Infinity;
    while (left > RELEASE_PAGES_PER_STEP && readersIdle()) {
      write(() => (left = releaseFreePages(this.db, RELEASE_PAGES_PER_STEP)));
      // A read-only library (write refused) or one that keeps its free pages: nothing to do.
      if (left === Infinity) return;
      yield;
    }
  }
}
