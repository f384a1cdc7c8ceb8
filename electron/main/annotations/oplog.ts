import type { AnnotationAction, HistoryState, HistoryStep } from '../../../shared/domain/annotations';
import { AppError } from '../kernel/app-error';
import type { Db } from '../store/database';
import { getAnnotation, putAnnotation, removeAnnotation, type StoredAnnotation } from './repository';

/**
 * Undo/redo as an operation log in the library itself (table annotation_ops), per document.
 *
 * Every action writes, in its own transaction, the changed annotations plus one row per annotation
 * with its full state before and after (null = did not exist). Rows of one action share a batch
 * number. Undo applies the `before` states of the newest batch not undone and marks it undone;
 * redo applies the `after` states of the oldest undone batch. A new action drops the undone batches
 * (the redo branch), as editors do. Because the log lives in SQLite, undo survives a restart, and
 * the log cannot disagree with the data it describes: both commit or neither does.
 *
 * Before applying a step the current state must equal the state the step expects; anything else
 * (which only a bug could cause) is refused rather than overwritten. A replace by a new edition
 * clears the document's log, since the old states point at passages that no longer exist.
 */
/** Actions kept per document; older ones can no longer be undone. */
const KEEP_BATCHES = 200;

export interface OpChange {
  before: StoredAnnotation | null;
  after: StoredAnnotation | null;
}

export function recordBatch(
  db: Db,
  documentId: string,
  action: AnnotationAction,
  changes: OpChange[],
  now: string,
): void {
  if (!changes.length) return;
  db.prepare(`DELETE FROM annotation_ops WHERE document_id = ? AND undone = 1`).run(documentId);
  const { batch } = db.prepare(`SELECT coalesce(max(batch), 0) + 1 AS batch FROM annotation_ops`).get() as {
    batch: number;
  };
  const insert = db.prepare(
    `INSERT INTO annotation_ops (document_id, batch, action, annotation_id, before, after, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const { before, after } of changes) {
    const id = (after ?? before)!.id;
    insert.run(documentId, batch, action, id, json(before), json(after), now);
  }
  // Whole batches only: a half-kept action could not be undone faithfully.
  db.prepare(
    `DELETE FROM annotation_ops WHERE document_id = ? AND batch < (
       SELECT DISTINCT batch FROM annotation_ops WHERE document_id = ? ORDER BY batch DESC LIMIT 1 OFFSET ?)`,
  ).run(documentId, documentId, KEEP_BATCHES - 1);
}

export function clearLog(db: Db, documentId: string): void {
  db.prepare(`DELETE FROM annotation_ops WHERE document_id = ?`).run(documentId);
}

interface OpRow {
  seq: number;
  batch: number;
  action: AnnotationAction;
  annotation_id: string;
  before: string | null;
  after: string | null;
}

const json = (a: StoredAnnotation | null) => (a ? JSON.stringify(a) : null);
const parse = (s: string | null) => (s ? (JSON.parse(s) as StoredAnnotation) : null);

/** Stable form for comparing states: key order and tag order must not matter. */
const canonical = (a: StoredAnnotation | null | undefined) =>
  a
    ? JSON.stringify(
        Object.keys(a)
          .sort()
          .map((k) => [k, k === 'tags' ? [...a.tags].sort() : a[k as keyof StoredAnnotation]]),
      )
    : 'null';

function batchOps(db: Db, documentId: string, undone: 0 | 1): OpRow[] {
  const pick = undone ? 'min' : 'max';
  return db
    .prepare(
      `SELECT seq, batch, action, annotation_id, before, after FROM annotation_ops
       WHERE document_id = ? AND batch = (
         SELECT ${pick}(batch) FROM annotation_ops WHERE document_id = ? AND undone = ?)
       ORDER BY seq`,
    )
    .all(documentId, documentId, undone) as OpRow[];
}

function apply(db: Db, documentId: string, direction: 'undo' | 'redo'): HistoryStep | null {
  return db.transaction(() => {
    const ops = batchOps(db, documentId, direction === 'undo' ? 0 : 1);
    if (!ops.length) return null;
    const ordered = direction === 'undo' ? [...ops].reverse() : ops;
    for (const op of ordered) {
      const [expected, target] =
        direction === 'undo' ? [parse(op.after), parse(op.before)] : [parse(op.before), parse(op.after)];
      if (canonical(getAnnotation(db, op.annotation_id)) !== canonical(expected))
        throw new AppError('annotation_history_stale', { id: op.annotation_id });
      if (target) putAnnotation(db, target);
      else removeAnnotation(db, op.annotation_id);
    }
    db.prepare(`UPDATE annotation_ops SET undone = ? WHERE document_id = ? AND batch = ?`).run(
      direction === 'undo' ? 1 : 0,
      documentId,
      ops[0]!.batch,
    );
    return { action: ops[0]!.action, annotationIds: [...new Set(ops.map((o) => o.annotation_id))] };
  })();
}

export const undo = (db: Db, documentId: string) => apply(db, documentId, 'undo');
export const redo = (db: Db, documentId: string) => apply(db, documentId, 'redo');

export function historyState(db: Db, documentId: string): HistoryState {
  const top = (undone: 0 | 1) => batchOps(db, documentId, undone)[0]?.action ?? null;
  return { undo: top(0), redo: top(1) };
}
