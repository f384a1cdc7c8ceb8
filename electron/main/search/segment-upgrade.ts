import type { LiveSegment } from './engine';

/**
 * Segments waiting to be written again: of an older format (1 and 2 held postings and text in one
 * blob, read whole; 3 stored its blocks unpacked), or with packed blocks or no positions in an
 * index that has grown past the packing limit (segment-writer.ts). They answer queries all along; each is written again
 * in a slice of its own, after which it is read like any other.
 */
export class SegmentUpgrade<E extends LiveSegment> {
  private waiting: E[] = [];
  private done = 0;

  add(entry: E): void {
    if (!this.waiting.includes(entry)) this.waiting.push(entry);
  }

  clear(): void {
    this.waiting = [];
  }

  /** Writes each waiting entry again through `rewrite` (skipped when a merge replaced it meanwhile). */
  *task(isLive: (entry: E) => boolean, rewrite: (entry: E) => Generator<void, void>): Generator<void, void> {
    while (this.waiting.length) {
      // Waiting until written: a rewrite runs in slices, and the status meanwhile counts it as to do.
      const entry = this.waiting[0]!;
      if (isLive(entry)) yield* rewrite(entry);
      if (this.waiting[0] === entry) this.waiting.shift();
      this.done++;
      yield;
    }
  }

  /** Progress for the index status, null when nothing waits. */
  progress(): { done: number; total: number } | null {
    return this.waiting.length ? { done: this.done, total: this.done + this.waiting.length } : null;
  }
}
