import type { AnnotationAction, HistoryState, HistoryStep } from '../../../shared/domain/annotations';
import type { Db } from '../store/database';
import { undoHistory, type UndoChange, type UndoStep } from '../store/undo-history';
import { getAnnotation, putAnnotation, removeAnnotation, type StoredAnnotation } from './repository';

/**
 * Undo/redo of annotations, one history per document, on the shared undo log (store/undo-history.ts):
 * every action records each changed annotation's full state before and after in the transaction
 * of the edit. A replace by a new edition clears the document's history, since the old states
 * point at passages that no longer exist; deleting the document deletes it by cascade.
 */
export type OpChange = UndoChange<StoredAnnotation>;

/** Stable form for comparing states: key order and tag order must not matter. */
const canonical = (a: StoredAnnotation | null | undefined) =>
  a
    ? JSON.stringify(
        Object.keys(a)
          .sort()
          .map((k) => [k, k === 'tags' ? [...a.tags].sort() : a[k as keyof StoredAnnotation]]),
      )
    : 'null';

const history = undoHistory<StoredAnnotation, AnnotationAction>({
  kind: 'annotation',
  // Actions kept per document.
  keep: 200,
  staleError: 'annotation_history_stale',
  idOf: (a) => a.id,
  read: (db, id) => getAnnotation(db, id) ?? null,
  same: (current, expected) => canonical(current) === canonical(expected),
  write: (db, id, target) => (target ? putAnnotation(db, target) : removeAnnotation(db, id)),
});

export function recordBatch(
  db: Db,
  documentId: string,
  action: AnnotationAction,
  changes: OpChange[],
  now: string,
): void {
  history.record(db, documentId, action, changes, now);
}

export const clearLog = (db: Db, documentId: string) => history.clear(db, documentId);

const toStep = (step: UndoStep<AnnotationAction> | null): HistoryStep | null =>
  step && { action: step.action, annotationIds: step.objectIds };

export const undo = (db: Db, documentId: string) => toStep(history.undo(db, documentId));
export const redo = (db: Db, documentId: string) => toStep(history.redo(db, documentId));
export const historyState = (db: Db, documentId: string): HistoryState => history.state(db, documentId);
