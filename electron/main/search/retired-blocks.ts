import type { Db } from '../store/database';
import { dropBlocks, orphanBlockSegments } from './segment-store';

/**
 * Blocks of segments that a merge, a rebuild or a drop replaced. Their rows go at once; their
 * blocks only when no query is running, since one begun before may still read them. One
 * segment's blocks per slice: a merge group of small segments does not become one long delete.
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
  }
}
