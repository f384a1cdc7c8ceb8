import type { SearchStatus } from '../../../shared/domain/search';
import type { Db } from '../store/database';
import { runQueryTask, type RankedResult } from './engine';
import { IndexKeeper } from './index-keeper';
import { LiveSegments, type SignedLiveSegment } from './live-segment';
import { snapshotOf, type IndexSnapshot } from './index-snapshot';
import { runToEnd } from './segment-build';
import { coldStatus } from './segment-loader';
import { SegmentGoneError, type DocRow } from './segment-store';
import type { SearchSource } from '../kernel/search-source';

export { type RebuildProgress } from './index-keeper';

const CACHED_RESULTS = 8;
export type IndexStatus = Omit<SearchStatus, 'rebuild'>;

export interface SearchAnswer {
  result: RankedResult;
  /** False while part of the library waits to be indexed (the answer leaves it out). */
  complete: boolean;
  /** The documents as the answer saw them (titles and years for its hits, without a lookup). */
  documents: ReadonlyMap<string, DocRow>;
}

/**
 * The search index of one library as its readers see it: answers to queries (the last few kept
 * for paging), snapshots of the segments for other readers of the postings, and status. What
 * keeps the segments in step with the library — loading, building, merging, upgrading,
 * rebuilding — is the write side it extends (index-keeper.ts). Every answer covers the library
 * as it is when asked.
 */
export class SearchIndex extends IndexKeeper {
  private cache = new Map<string, { result: RankedResult; documents: ReadonlyMap<string, DocRow> }>();
  private readonly live: LiveSegments;

  constructor(db: Db, sources: () => readonly SearchSource[], querySliceMs = 12, packBlocksUpTo?: number) {
    super(db, sources, querySliceMs, packBlocksUpTo);
    this.live = new LiveSegments(db, sources);
  }

  /**
   * Answers a query over the library as it is now: loads what is not loaded, indexes new content
   * on the spot when it is small (else it is being indexed and `complete` is false). The last few
   * answers are kept, so paging through one costs nothing until the library changes.
   * At once, on this thread: the CLI and tests; IPC uses `searchSliced`.
   */
  search(text: string): SearchAnswer {
    return runToEnd(this.searchTask(text));
  }

  /** `search` in slices, with the first `rankUpTo` hits ranked: the event loop keeps running meanwhile. */
  searchSliced(text: string, rankUpTo = 0): Promise<SearchAnswer> {
    return this.queries.run('query', this.searchSteps(text, rankUpTo), true);
  }

  /** The steps of a sliced search (`searchSliced` runs them; the benchmark times each). */
  *searchSteps(text: string, rankUpTo = 0): Generator<void, SearchAnswer> {
    const answer = yield* this.searchTask(text);
    yield* answer.result.rank(rankUpTo);
    return answer;
  }

  private *searchTask(text: string): Generator<void, SearchAnswer> {
    const complete = yield* this.catchUpTask();
    const live = yield* this.live.read(this.library);
    const key = `${this.generation}|${live?.signature ?? ''}|${complete}|${text}`;
    let kept = this.cache.get(key);
    if (!kept) {
      let result: RankedResult;
      try {
        result = yield* this.queryTask(text, live);
      } catch (error) {
        if (!(error instanceof SegmentGoneError)) throw error;
        // Another connection merged a segment away under this query: load the segments again.
        this.unload();
        yield* this.loadTask();
        result = yield* this.queryTask(text, live);
      }
      kept = { result, documents: this.library };
      this.cache.set(key, kept);
      if (this.cache.size > CACHED_RESULTS) this.cache.delete(this.cache.keys().next().value!);
    }
    return { ...kept, complete };
  }

  private queryTask(text: string, live: SignedLiveSegment | null): Generator<void, RankedResult> {
    return runQueryTask(text, snapshotOf(live ? [...this.entries, live] : this.entries), this.facts);
  }

  /**
   * The persisted segments as they are now, each with which of its documents are live, for readers
   * of the postings other than queries (related passages). Like a query, it loads what is not
   * loaded and indexes small changes on the spot; `complete` is false while a large import waits.
   */
  snapshot(): IndexSnapshot {
    const complete = runToEnd(this.catchUpTask());
    this.refresh();
    return { segments: snapshotOf(this.entries), complete };
  }

  /** Text of a live unit as last read (live sources need not look it up again). */
  liveText(recordId: string, field: string): string | null {
    return this.live.text(recordId, field);
  }

  status(): IndexStatus {
    const task = this.runner.busy;
    if (!this.loaded) return coldStatus(this.db, this.loading !== null, task);
    const units = this.entries.reduce((n, e) => n + e.segment.count, 0);
    this.refresh();
    return {
      state: this.pending.length ? 'indexing' : 'ready',
      documents: this.library.size,
      indexed: this.library.size - this.pending.length,
      pending: this.pending.length,
      segments: this.entries.length,
      units,
      task,
      upgrade: this.upgrade.progress(),
    };
  }

  /** Waits until background work is done (tests, benchmarks, the CLI before it exits). */
  async settle(): Promise<void> {
    await this.load();
    while (this.runner.busy) await new Promise((r) => setTimeout(r, 5));
  }
}
