import type { CoreContext } from '../kernel/context';
import { TaskRunner } from '../kernel/task-runner';
import type { Db } from '../store/database';
import { addDocumentPhrases, indexState, removeDocumentPhrases } from './phrase-store';

/** Up to this much unindexed text an answer indexes on the spot rather than answer without it. */
const ANSWER_BUILD_BUDGET = 400_000;

/**
 * The key-phrase index of one library, kept in step with the documents table the way the search
 * index is: a document whose content hash differs from the indexed one (new, replaced) is indexed
 * again, one whose row is gone is taken out. Each document is one transaction; in the background
 * the work runs one document per slice after every import, and an answer first catches up on
 * whatever small change is still waiting.
 */
export class PhraseIndex {
  readonly runner: TaskRunner;
  /** Bumped whenever the index changes (cached related-passage lists are then stale). */
  generation = 0;
  private queued = false;

  constructor(private readonly db: Db) {
    this.runner = new TaskRunner(12, () => db.open);
  }

  /** Documents to (re)index and documents to drop. */
  private changes(): { stale: string[]; fresh: { id: string; hash: string }[] } {
    const { library, indexed } = indexState(this.db);
    const present = new Set(library.map((d) => d.id));
    const stale = [...indexed.keys()].filter((id) => !present.has(id));
    const fresh = library.filter((d) => indexed.get(d.id) !== d.hash);
    for (const d of fresh) if (indexed.has(d.id)) stale.push(d.id);
    return { stale, fresh };
  }

  private pendingChars(ids: string[]): number {
    if (!ids.length) return 0;
    const size = this.db
      .prepare(`SELECT coalesce(sum(length(text)), 0) FROM passages WHERE document_id = ?`)
      .pluck();
    return ids.reduce((n, id) => n + (size.get(id) as number), 0);
  }

  /** Brings one document's entry up to date, in one transaction. */
  private apply(docId: string, hash: string | null): void {
    this.db.transaction(() => {
      removeDocumentPhrases(this.db, docId);
      if (hash !== null) addDocumentPhrases(this.db, docId, hash);
    })();
    this.generation++;
  }

  /** Catches up on this thread; false (nothing done) when more than `budget` characters wait. */
  syncNow(budget = Infinity): boolean {
    const { stale, fresh } = this.changes();
    if (!stale.length && !fresh.length) return true;
    if (this.pendingChars(fresh.map((d) => d.id)) > budget) return false;
    const freshIds = new Set(fresh.map((d) => d.id));
    for (const id of stale) if (!freshIds.has(id)) this.apply(id, null);
    for (const d of fresh) this.apply(d.id, d.hash);
    return true;
  }

  /** For answers: up to date unless a big import is still being indexed in the background. */
  ready(): boolean {
    const complete = this.syncNow(ANSWER_BUILD_BUDGET);
    if (!complete) void this.scheduleSync();
    return complete;
  }

  scheduleSync(): Promise<void> {
    if (this.queued) return Promise.resolve();
    this.queued = true;
    return this.runner
      .run('xref-index', this.syncTask())
      .catch((error: unknown) => {
        // A library closed mid-way (quit, CLI exit) is not a failure: the next open catches up.
        if ((error as Error).message !== 'closed') console.error('xref: background indexing failed', error);
      })
      .finally(() => (this.queued = false));
  }

  private *syncTask(): Generator<void, void> {
    yield;
    this.queued = false;
    const { stale, fresh } = this.changes();
    const freshIds = new Set(fresh.map((d) => d.id));
    for (const id of stale) {
      if (!freshIds.has(id)) this.apply(id, null);
      yield;
    }
    for (const d of fresh) {
      // The library may have moved on since the list was read: index only what still differs.
      const now = this.db.prepare(`SELECT content_hash FROM documents WHERE id = ?`).pluck().get(d.id);
      const done = this.db
        .prepare(`SELECT content_hash FROM xref_docs WHERE document_id = ?`)
        .pluck()
        .get(d.id);
      if (now === d.hash && done !== d.hash) this.apply(d.id, d.hash);
      yield;
    }
  }

  /** False once a restore has swapped the core's connection for another. */
  uses(db: Db): boolean {
    return this.db === db;
  }

  async settle(): Promise<void> {
    while (this.runner.busy) await new Promise((r) => setTimeout(r, 5));
  }
}

const indexes = new WeakMap<CoreContext, PhraseIndex>();

/** The phrase index of a core; created by createCore's installDomainHooks, which wires it to import events. */
export function phraseIndexFor(ctx: CoreContext): PhraseIndex {
  let index = indexes.get(ctx);
  // A restore swaps the core's connection: the index follows it to the restored library.
  if (!index || !index.uses(ctx.db)) indexes.set(ctx, (index = new PhraseIndex(ctx.db)));
  return index;
}

/** Indexes every imported, replaced or deleted document in the background as soon as the library changes. */
export function installPhraseIndex(ctx: CoreContext): void {
  phraseIndexFor(ctx);
  ctx.events.on('library:changed', () => void phraseIndexFor(ctx).scheduleSync());
  // Each file of a batch as it lands, not only the end of the batch.
  ctx.events.on('import:progress', (p) => p.phase === 'done' && void phraseIndexFor(ctx).scheduleSync());
}
