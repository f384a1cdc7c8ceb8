import type { SearchStatus } from '../../../shared/domain/search';
import type { Db } from '../store/database';
import { runQueryTask, type DocFacts, type RankedResult } from './engine';
import { LiveSegments } from './live-segment';
import { foldText } from './fold';
import { sectionsOf } from './library-sources';
import { snapshotOf, type IndexSnapshot } from './index-snapshot';
import type { Segment } from './segment';
import { buildSegment, runToEnd } from './segment-build';
import { mergeSegments, pickMergeGroup, type MergePolicy } from './segment-merge';
import {
  libraryDocs,
  listSegments,
  SegmentGoneError,
  type DocRow,
  type SegmentRow,
} from './segment-store';
import { coldStatus, followRows, loadRow, type Entry } from './segment-loader';
import { SegmentUpgrade } from './segment-upgrade';
import { SegmentWriter } from './segment-writer';
import type { SearchSource, SearchUnit } from '../kernel/search-source';
import { documentTextLength } from '../store/passage-reader';
import { statement } from '../store/statements';
import { TaskRunner } from '../kernel/task-runner';
import { textBatches } from './text-batches';
import { logBackgroundError } from '../kernel/log';

/** Characters of text per built or merged segment: bounds one blob write and one merge. */
export const SEGMENT_TEXT_BUDGET = 600_000;
/** Up to this much new text a query indexes on the spot rather than answer without it. */
const QUERY_BUILD_BUDGET = 400_000;
/** A segment 30 % dead is rewritten alone; past 24 segments the smallest are merged. */
const MERGE_POLICY: MergePolicy = { maxSegments: 24, deadShare: 0.3, budget: SEGMENT_TEXT_BUDGET };
const CACHED_RESULTS = 8;
export type IndexStatus = Omit<SearchStatus, 'rebuild'>;

export interface SearchAnswer {
  result: RankedResult;
  /** False while part of the library waits to be indexed (the answer leaves it out). */
  complete: boolean;
}

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * The search index of one library: persisted segments (their term dictionaries and unit columns in
 * memory, posting lists and text read in blocks through `blocks`), kept in step with the documents
 * table (new content indexed, replaced or deleted content dead until a merge drops it), built and
 * merged in slices on this thread. Every answer covers the library as it is when asked.
 */
export class SearchIndex {
  private entries: Entry[] = [];
  private library = new Map<string, DocRow>();
  private facts = new Map<string, DocFacts>();
  private pending: string[] = [];
  private loaded = false;
  private loading: Promise<void> | null = null;
  private syncQueued = false;
  private cache = new Map<string, RankedResult>();
  /** Loaded segments of an older format, to write again in this one. */
  private upgrade = new SegmentUpgrade<Entry>();
  private readonly writer: SegmentWriter;
  private readonly live: LiveSegments;
  private libraryVersion = '';
  private dataVersion = -1;
  readonly runner: TaskRunner;
  /** Queries run in slices of their own, between the index's background slices, not behind them. */
  readonly queries: TaskRunner;
  /** Bumped whenever what a query can find changes (cached results are then stale). */
  generation = 0;

  constructor(
    private readonly db: Db,
    private readonly sources: () => readonly SearchSource[],
    querySliceMs = 12,
  ) {
    this.live = new LiveSegments(db, sources);
    this.writer = new SegmentWriter(db);
    this.runner = new TaskRunner(12, () => db.open);
    this.queries = new TaskRunner(querySliceMs, () => db.open);
  }

  /** The cache of posting and text blocks every segment reads through. */
  get blocks() {
    return this.writer.blocks;
  }

  private indexedSources(): readonly SearchSource[] {
    return this.sources().filter((s) => s.mode === 'indexed');
  }

  private kindsKey(): string {
    return this.indexedSources()
      .map((s) => s.kind)
      .sort()
      .join(',');
  }

  // Loading ------------------------------------------------------------------------------------

  /** Loads the persisted segments in slices; queries asked meanwhile load the rest at once. */
  load(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return (this.loading ??= this.runner.run('load', this.loadTask()).then(() => this.scheduleSync()));
  }

  private *loadTask(): Generator<void, void> {
    const stale: number[] = [];
    for (const row of listSegments(this.db)) {
      if (this.loaded) return;
      if (!this.loadRow(row, this.entries, stale)) continue;
      yield;
    }
    this.writer.retireIds(stale);
    if (this.writer.persist) this.writer.retired.adoptOrphans();
    this.loaded = true;
    this.refresh();
  }

  /** Adds a persisted segment not loaded yet to `entries`; false when skipped. */
  private loadRow(row: SegmentRow, entries: Entry[], stale: number[] = []): boolean {
    const loaded = loadRow(this.db, row, this.kindsKey(), entries, this.writer.blocks);
    if (loaded === 'stale') stale.push(row.id);
    if (typeof loaded === 'string') return false;
    entries.push(loaded.entry);
    if (loaded.upgrade) this.upgrade.add(loaded.entry);
    return true;
  }

  /** Forgets every loaded segment (a reader found one gone): the next use loads them again. */
  private unload(): void {
    this.entries = [];
    this.upgrade.clear();
    this.loaded = false;
    this.loading = null;
    this.libraryVersion = '';
    this.generation++;
  }

  private loadNow(): void {
    if (!this.loaded) runToEnd(this.loadTask());
  }

  // Keeping in step with the library --------------------------------------------------------

  /** Reads the documents table; marks dead what changed; returns documents no segment covers. */
  refresh(): string[] {
    // data_version moves when another connection commits, total_changes when this one writes:
    // while neither moves, the documents table is as last read.
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    const version = `${dataVersion}:${statement(this.db, 'SELECT total_changes()').pluck().get()}`;
    if (version !== this.libraryVersion) {
      if (this.loaded && this.dataVersion >= 0 && dataVersion !== this.dataVersion) {
        this.entries = followRows(this.db, this.entries, (row, entries) => this.loadRow(row, entries));
        this.generation++;
      }
      this.dataVersion = dataVersion;
      this.libraryVersion = version;
      this.readLibrary();
    }
    this.resolve();
    return this.pending;
  }

  private readLibrary(): void {
    const rows = libraryDocs(this.db);
    let changed = rows.length !== this.library.size;
    for (const row of rows) {
      const known = this.library.get(row.id);
      if (!known || known.hash !== row.hash || known.title !== row.title || known.year !== row.year)
        changed = true;
    }
    if (changed || !this.facts.size) {
      this.library = new Map(rows.map((r) => [r.id, r]));
      this.facts = new Map(rows.map((r) => [r.id, { id: r.id, title: foldText(r.title), year: r.year }]));
      this.generation++;
    }
  }

  /** Which copy of each document is live: the last segment holding its current content. */
  private resolve(): void {
    const covered = new Set<string>();
    for (let e = this.entries.length - 1; e >= 0; e--) {
      const { segment, aliveDocs } = this.entries[e]!;
      segment.docs.forEach((d, slot) => {
        const live = this.library.get(d.id)?.hash === d.hash && !covered.has(d.id);
        aliveDocs[slot] = live ? 1 : 0;
        if (live) covered.add(d.id);
      });
    }
    this.pending = [...this.library.keys()].filter((id) => !covered.has(id));
  }

  private pendingText(ids: string[]): number {
    return ids.reduce((n, id) => n + documentTextLength(this.db, id), 0);
  }

  /** Groups documents into batches of about one segment's worth of text. */
  private batches(ids: string[]): Generator<void, string[][]> {
    return textBatches(ids, (id) => documentTextLength(this.db, id), SEGMENT_TEXT_BUDGET);
  }

  private *buildTask(docIds: string[]): Generator<void, Segment> {
    const units: SearchUnit[] = [];
    for (const id of docIds) {
      for (const source of this.indexedSources()) units.push(...source.unitsFor(this.db, [id]));
      yield;
    }
    const docs = docIds.flatMap((id) => {
      const row = this.library.get(id);
      return row ? [{ id, hash: row.hash }] : [];
    });
    return yield* buildSegment({ docs, sections: sectionsOf(this.db, docIds), units });
  }

  private add(segment: Segment, replaces: Entry[] = []): void {
    const entry = this.writer.save(segment, this.kindsKey(), replaces);
    this.entries = this.entries.filter((e) => !replaces.includes(e));
    this.entries.push(entry);
    this.resolve();
    this.generation++;
  }

  private drop(group: Entry[]): void {
    this.writer.retire(group);
    this.entries = this.entries.filter((e) => !group.includes(e));
    this.generation++;
  }

  private dropRetiredTask(): Generator<void, void> {
    return this.writer.dropRetiredTask(() => !this.queries.busy);
  }

  /** Indexes what is not indexed yet, on this thread; false when more than `budget` characters wait. */
  indexPendingNow(budget = Infinity): boolean {
    this.loadNow();
    return runToEnd(this.indexPendingTask(budget));
  }

  private *indexPendingTask(budget: number): Generator<void, boolean> {
    const pending = this.refresh();
    if (!pending.length) return true;
    if (this.pendingText(pending) > budget) return false;
    for (const batch of yield* this.batches(pending)) this.addIfPending(batch, yield* this.buildTask(batch));
    return true;
  }

  /** Adds a segment built in slices unless other work indexed all of its documents meanwhile. */
  private addIfPending(batch: string[], segment: Segment): void {
    this.refresh();
    if (batch.some((id) => this.pending.includes(id))) this.add(segment);
  }

  /** Indexes and merges all there is to, on this thread: after a CLI import, so the next command has nothing to do. */
  completeNow(): void {
    this.indexPendingNow();
    this.compactNow();
    runToEnd(this.dropRetiredTask());
  }

  /** Merges what the merge policy asks for, on this thread (the CLI, which has no background). */
  compactNow(): void {
    runToEnd(this.mergeTask());
  }

  /** Background: index new content in slices, then merge small or half-dead segments. */
  scheduleSync(): Promise<void> {
    if (this.syncQueued) return Promise.resolve();
    this.syncQueued = true;
    return this.runner.run('index', this.syncTask()).finally(() => (this.syncQueued = false));
  }

  private *syncTask(): Generator<void, void> {
    if (!this.loaded) yield* this.loadTask();
    this.syncQueued = false;
    for (const batch of yield* this.batches(this.refresh())) {
      // A query may have indexed the same documents meanwhile; keep only what is still missing.
      this.addIfPending(batch, yield* this.buildTask(batch));
      yield;
    }
    yield* this.mergeTask();
    yield* this.upgrade.task(
      (entry) => this.entries.includes(entry),
      (entry) => this.add(entry.segment, [entry]),
    );
    yield* this.dropRetiredTask();
  }

  private *mergeTask(): Generator<void, void> {
    for (;;) {
      const group = pickMergeGroup(this.entries, MERGE_POLICY);
      if (!group) return;
      const merged = yield* mergeSegments(group.map((e) => ({ segment: e.segment, aliveDocs: e.aliveDocs })));
      if (group.some((e) => !this.entries.includes(e))) return;
      if (merged.docs.length) this.add(merged, group);
      else this.drop(group);
      yield;
    }
  }

  /** Drops every segment and indexes the whole library again, in slices, reporting progress. */
  rebuild(onProgress: (p: RebuildProgress) => void = () => {}): Promise<void> {
    this.runner.cancel('rebuild');
    this.syncQueued = false;
    return this.runner.run('rebuild', this.rebuildTask(onProgress), true);
  }

  private *rebuildTask(onProgress: (p: RebuildProgress) => void): Generator<void, void> {
    this.loaded = true;
    this.entries = [];
    this.upgrade.clear();
    for (const row of listSegments(this.db)) {
      this.writer.retireIds([row.id]);
      yield;
    }
    const batches = yield* this.batches(this.refresh());
    const total = batches.reduce((n, b) => n + b.length, 0);
    let done = 0;
    onProgress({ done, total });
    for (const batch of batches) {
      this.add(yield* this.buildTask(batch));
      done += batch.length;
      onProgress({ done, total });
    }
    yield* this.dropRetiredTask();
  }

  // Answering ----------------------------------------------------------------------------------

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
    if (!this.loaded) yield* this.loadTask();
    const complete = yield* this.indexPendingTask(QUERY_BUILD_BUDGET);
    if (!complete)
      this.scheduleSync().catch((e: unknown) => {
        if (this.db.open) logBackgroundError('search index sync', e);
      });
    const live = yield* this.live.read(this.library);
    const key = `${this.generation}|${live?.signature ?? ''}|${complete}|${text}`;
    let result = this.cache.get(key);
    if (!result) {
      try {
        result = yield* runQueryTask(text, snapshotOf(live ? [...this.entries, live] : this.entries), this.facts);
      } catch (error) {
        if (!(error instanceof SegmentGoneError)) throw error;
        // Another connection merged a segment away under this query: load the segments again.
        this.unload();
        yield* this.loadTask();
        result = yield* runQueryTask(text, snapshotOf(live ? [...this.entries, live] : this.entries), this.facts);
      }
      this.cache.set(key, result);
      if (this.cache.size > CACHED_RESULTS) this.cache.delete(this.cache.keys().next().value!);
    }
    return { result, complete };
  }

  /**
   * The persisted segments as they are now, each with which of its documents are live, for readers
   * of the postings other than queries (related passages). Like a query, it loads what is not
   * loaded and indexes small changes on the spot; `complete` is false while a large import waits.
   */
  snapshot(): IndexSnapshot {
    this.loadNow();
    const complete = this.indexPendingNow(QUERY_BUILD_BUDGET);
    if (!complete)
      this.scheduleSync().catch((e: unknown) => {
        if (this.db.open) logBackgroundError('search index sync', e);
      });
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

