import type { Db } from '../store/database';
import { changeCounters } from '../store/document-lookup';
import type { SearchSource } from '../kernel/search-source';
import { logBackgroundError } from '../kernel/log';
import { TaskRunner } from '../kernel/task-runner';
import {
  buildDocumentSegment,
  kindsKey,
  rebuildBatchesOf,
  SEGMENT_TEXT_BUDGET,
  textBatchesOf,
  textLength,
} from './document-segments';
import type { DocFacts } from './engine';
import { foldText } from './fold';
import { segmentBytes, type Segment } from './segment';
import { runToEnd } from './segment-build';
import { mergeSegments, pickMergeGroup, type MergePolicy } from './segment-merge';
import { libraryDocs, listSegments, type DocRow, type SegmentRow } from './segment-store';
import { followRows, loadRow, type Entry } from './segment-loader';
import { SegmentUpgrade } from './segment-upgrade';
import { SegmentWriter } from './segment-writer';

/** Up to this much new text a query indexes on the spot rather than answer without it. */
const QUERY_BUILD_BUDGET = 400_000;
/** A segment 30 % dead is rewritten alone; past 24 segments the smallest are merged. */
const MERGE_POLICY: MergePolicy = { maxSegments: 24, deadShare: 0.3, budget: SEGMENT_TEXT_BUDGET };

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * The write side of a library's search index (search-index.ts adds answering): persisted segments
 * (their term dictionaries and unit columns in memory, posting lists and text read in blocks
 * through `blocks`), kept in step with the documents table (new content indexed, replaced or
 * deleted content dead until a merge drops it), built, merged, upgraded and rebuilt in slices on
 * this thread.
 */
export class IndexKeeper {
  protected entries: Entry[] = [];
  /** The documents table as last read; replaced, never changed in place (answers keep the one they saw). */
  protected library: ReadonlyMap<string, DocRow> = new Map();
  protected facts = new Map<string, DocFacts>();
  protected pending: string[] = [];
  protected loaded = false;
  protected loading: Promise<void> | null = null;
  private syncQueued = false;
  /** Loaded segments of an older format, to write again in this one. */
  protected upgrade = new SegmentUpgrade<Entry>();
  private readonly writer: SegmentWriter;
  private libraryVersion = '';
  /** What `resolve` last ran over (the array, its length as loading appends in place, the documents). */
  private resolvedFrom: { entries: Entry[]; count: number; library: ReadonlyMap<string, DocRow> } | null =
    null;
  private dataVersion = -1;
  readonly runner: TaskRunner;
  /** Queries run in slices of their own, between the index's background slices, not behind them. */
  readonly queries: TaskRunner;
  /** Bumped whenever what a query can find changes (cached results are then stale). */
  generation = 0;

  constructor(
    protected readonly db: Db,
    protected readonly sources: () => readonly SearchSource[],
    querySliceMs = 12,
    /** Index bytes up to which blocks are packed (segment-writer.ts; tests give a smaller one). */
    packBlocksUpTo?: number,
  ) {
    this.writer = new SegmentWriter(db, packBlocksUpTo);
    this.runner = new TaskRunner(12, () => db.open);
    this.queries = new TaskRunner(querySliceMs, () => db.open);
  }

  /** The cache of posting and text blocks every segment reads through. */
  get blocks() {
    return this.writer.blocks;
  }

  // Loading ------------------------------------------------------------------------------------

  /** Loads the persisted segments in slices; queries asked meanwhile load the rest at once. */
  load(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return (this.loading ??= this.runner.run('load', this.loadTask()).then(() => this.scheduleSync()));
  }

  protected *loadTask(): Generator<void, void> {
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
    const loaded = loadRow(this.db, row, kindsKey(this.sources()), entries, this.writer.blocks);
    if (loaded === 'stale') stale.push(row.id);
    if (typeof loaded === 'string') return false;
    entries.push(loaded.entry);
    if (loaded.upgrade) this.upgrade.add(loaded.entry);
    return true;
  }

  /** Forgets every loaded segment (a reader found one gone): the next use loads them again. */
  protected unload(): void {
    this.entries = [];
    this.upgrade.clear();
    this.loaded = false;
    this.loading = null;
    this.libraryVersion = '';
    this.generation++;
  }

  protected loadNow(): void {
    if (!this.loaded) runToEnd(this.loadTask());
  }

  // Keeping in step with the library --------------------------------------------------------

  /** Reads the documents table; marks dead what changed; returns documents no segment covers. */
  refresh(): string[] {
    const { dataVersion, version } = changeCounters(this.db);
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
    // Every query refreshes: unless the segments or the documents changed, the answer is the same.
    const { entries, library } = this;
    const last = this.resolvedFrom;
    if (last && last.entries === entries && last.count === entries.length && last.library === library) return;
    this.resolvedFrom = { entries, count: entries.length, library };
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

  private buildTask(docIds: string[]): Generator<void, Segment> {
    return buildDocumentSegment(this.db, this.sources(), this.library, docIds);
  }

  private add(segment: Segment, replaces: Entry[] = [], coming = 0): void {
    const entry = this.writer.save(segment, kindsKey(this.sources()), replaces, coming);
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

  protected *indexPendingTask(budget: number): Generator<void, boolean> {
    const pending = this.refresh();
    if (!pending.length) return true;
    if (textLength(this.db, pending) > budget) return false;
    const batches = yield* textBatchesOf(this.db, pending);
    for (const [i, batch] of batches.entries())
      yield* this.addIfPending(batch, yield* this.buildTask(batch), batches.length - 1 - i);
    return true;
  }

  /**
   * Adds a segment built in slices unless other work indexed all of its documents meanwhile.
   * `batchesLeft`: batches still to build after it (a large import), of about its size, so that its
   * blocks are packed or not for the index as it will be, as a rebuild does.
   */
  private *addIfPending(batch: string[], segment: Segment, batchesLeft: number): Generator<void, void> {
    const coming = segmentBytes(segment) * batchesLeft;
    const saved = yield* this.writer.asSaved(segment, [], coming);
    this.refresh();
    if (batch.some((id) => this.pending.includes(id))) this.add(saved, [], coming);
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

  /** `scheduleSync` from work nobody waits for: a failure is logged, unless the library was closed. */
  syncInBackground(): void {
    this.scheduleSync().catch((e: unknown) => {
      if (this.db.open) logBackgroundError('search index sync', e);
    });
  }

  /**
   * Brings the index up to the library before it is read: loads what is not loaded and indexes new
   * content on the spot when it is small; larger content is left to a background sync (false then).
   */
  protected *catchUpTask(): Generator<void, boolean> {
    if (!this.loaded) yield* this.loadTask();
    const complete = yield* this.indexPendingTask(QUERY_BUILD_BUDGET);
    if (!complete) this.syncInBackground();
    return complete;
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
    const batches = yield* textBatchesOf(this.db, this.refresh());
    for (const [i, batch] of batches.entries()) {
      // A query may have indexed the same documents meanwhile; keep only what is still missing.
      yield* this.addIfPending(batch, yield* this.buildTask(batch), batches.length - 1 - i);
      yield;
    }
    yield* this.mergeTask();
    for (const entry of this.writer.outOfShape(this.entries)) this.upgrade.add(entry);
    yield* this.upgrade.task(
      (entry) => this.entries.includes(entry),
      (entry) => this.rewriteTask(entry),
    );
    yield* this.dropRetiredTask();
  }

  /** Writes a loaded segment again in this format and shape, unless a merge replaced it meanwhile. */
  private *rewriteTask(entry: Entry): Generator<void, void> {
    const segment = yield* this.writer.asSaved(entry.segment, [entry]);
    if (this.entries.includes(entry)) this.add(segment, [entry]);
  }

  private *mergeTask(): Generator<void, void> {
    for (;;) {
      const group = pickMergeGroup(this.entries, MERGE_POLICY);
      if (!group) return;
      const parts = group.map((e) => ({ segment: e.segment, aliveDocs: e.aliveDocs }));
      const merged = yield* this.writer.asSaved(yield* mergeSegments(parts), group);
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
    const batches = yield* rebuildBatchesOf(this.db, this.refresh());
    const total = batches.reduce((n, b) => n + b.length, 0);
    let done = 0;
    onProgress({ done, total });
    for (const [i, batch] of batches.entries()) {
      const segment = yield* this.buildTask(batch);
      // The batches are of about one size: the rest will weigh about this one times their number.
      const coming = segmentBytes(segment) * (batches.length - 1 - i);
      this.add(yield* this.writer.asSaved(segment, [], coming), [], coming);
      done += batch.length;
      onProgress({ done, total });
    }
    yield* this.dropRetiredTask();
  }
}
