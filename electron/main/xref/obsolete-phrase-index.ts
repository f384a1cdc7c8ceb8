import type { CoreContext } from '../kernel/context';
import { logBackgroundError } from '../kernel/log';
import { TaskRunner } from '../kernel/task-runner';
import type { Db } from '../store/database';

/**
 * The key-phrase tables of migration 006 (xref_phrases, xref_df, xref_docs, xref_passages) are no
 * longer read: related passages come from the search index (related.ts). In a library made
 * before, they hold about half of the file; they are emptied in the background, a few thousand
 * rows per slice, each slice its own transaction, so the space is reused and nothing waits.
 * A later migration drops the tables themselves.
 */
const ROWS_PER_SLICE = 4000;

/** Per table: a statement deleting up to ROWS_PER_SLICE rows (two tables have no rowid). */
const DELETES = [
  `DELETE FROM xref_phrases WHERE (phrase, passage_id) IN (SELECT phrase, passage_id FROM xref_phrases LIMIT ${ROWS_PER_SLICE})`,
  `DELETE FROM xref_df WHERE phrase IN (SELECT phrase FROM xref_df LIMIT ${ROWS_PER_SLICE})`,
  `DELETE FROM xref_docs WHERE rowid IN (SELECT rowid FROM xref_docs LIMIT ${ROWS_PER_SLICE})`,
  `DELETE FROM xref_passages WHERE rowid IN (SELECT rowid FROM xref_passages LIMIT ${ROWS_PER_SLICE})`,
];

/** Rows left in the obsolete tables. */
export function obsoletePhraseRows(db: Db): number {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM xref_phrases) + (SELECT count(*) FROM xref_df)
        + (SELECT count(*) FROM xref_docs) + (SELECT count(*) FROM xref_passages)`,
    )
    .pluck()
    .get() as number;
}

export function* clearObsoletePhraseIndex(db: Db): Generator<void, void> {
  for (const sql of DELETES) {
    const remove = db.prepare(sql);
    while (remove.run().changes > 0) yield;
  }
}

/**
 * Empties the obsolete tables of a writable library in the background once it is opened (the
 * xref domain's start). The runner is a per-library instance: closing or swapping the library
 * stops it, and the next open carries on where it stopped.
 */
export function startObsoletePhraseCleanup(ctx: CoreContext): Promise<void> {
  const { db } = ctx;
  const anyRow = db
    .prepare(`SELECT EXISTS (SELECT 1 FROM xref_docs) OR EXISTS (SELECT 1 FROM xref_df)`)
    .pluck();
  if (db.readonly || !anyRow.get()) return Promise.resolve();
  const runner = ctx.instances.get('xref-cleanup', () => {
    const made = new TaskRunner(12, () => db.open);
    return { runner: made, stop: () => made.cancel('closed') };
  }).runner;
  return runner.run('xref-cleanup', clearObsoletePhraseIndex(db)).catch((error: unknown) => {
    // A library closed mid-way (quit, CLI exit, restore) is not a failure: the next open goes on.
    if ((error as Error).message !== 'closed')
      logBackgroundError('emptying the old key-phrase tables', error);
  });
}
