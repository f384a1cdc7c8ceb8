import type { ErrorCode } from '../../../shared/ipc/errors';
import { AppError } from '../kernel/app-error';
import type { Db } from './database';
import {
  appendGroup,
  clearHistory,
  markGroup,
  nextAction,
  nextGroup,
  type HistoryKey,
  type UndoKind,
} from './undo-log';

/**
 * The undo/redo engine every undoable kind shares (annotations, links, briefings), over the one
 * undo log in the library (store/undo-log.ts). A domain defines its kind once with `undoHistory`,
 * giving what only it knows: how to read an object, when two states count as the same, and how
 * to put an object into a recorded state (its "apply inverse"). The engine does the rest the
 * same way for all of them:
 *
 * - an action is recorded in the transaction of the edit, one row per changed object with its
 *   state before and after, so the log never disagrees with the data and survives a restart;
 * - undo applies the `before` states of the newest group not undone (last change first) and marks
 *   it undone; redo applies the `after` states of the oldest undone group; a new action drops the
 *   undone groups (the redo branch), as editors do;
 * - before a state is applied the object must be as the step expects: anything else (an edit that
 *   bypassed the log, a sync that brought someone else's change) is refused with the kind's
 *   error, never overwritten;
 * - each history keeps its newest `keep` groups; older actions can no longer be undone.
 *
 * An undo is an ordinary write through the domain's own store functions, so the team outbox
 * triggers record it like any other edit and the next sync sends it.
 */
export interface UndoableKind<T> {
  kind: UndoKind;
  /** Groups kept per history. */
  keep: number;
  /** The error a step refuses with when its object is not as expected. */
  staleError: ErrorCode;
  idOf(state: T): string;
  read(db: Db, objectId: string): T | null;
  /** Whether the object as it stands is the state a step expects. */
  same(current: T | null, expected: T | null): boolean;
  /** Puts the object into `target` (null: it did not exist), given what `read` found. */
  write(db: Db, objectId: string, target: T | null, current: T | null): void;
}

export interface UndoChange<T> {
  before: T | null;
  after: T | null;
}

export interface UndoStep<A extends string> {
  action: A;
  /** Every object the step changed, once each, in the order the action changed them. */
  objectIds: string[];
}

export interface UndoHistory<T, A extends string> {
  /** Records one action; the caller holds the transaction that made the change. */
  record(db: Db, scope: string, action: A, changes: readonly UndoChange<T>[], now: string): void;
  undo(db: Db, scope: string): UndoStep<A> | null;
  redo(db: Db, scope: string): UndoStep<A> | null;
  /** The actions the next undo and redo would take back or do again. */
  state(db: Db, scope: string): { undo: A | null; redo: A | null };
  clear(db: Db, scope: string): void;
}

const encode = (state: unknown) => (state === null ? null : JSON.stringify(state));

export function undoHistory<T, A extends string>(spec: UndoableKind<T>): UndoHistory<T, A> {
  const key = (scope: string): HistoryKey => ({ kind: spec.kind, scope });
  const decode = (text: string | null) => (text === null ? null : (JSON.parse(text) as T));

  function step(db: Db, scope: string, direction: 'undo' | 'redo'): UndoStep<A> | null {
    return db.transaction(() => {
      const group = nextGroup(db, key(scope), direction);
      if (!group) return null;
      const { changes } = group;
      for (const change of direction === 'undo' ? [...changes].reverse() : changes) {
        const [expected, target] =
          direction === 'undo' ? [change.after, change.before] : [change.before, change.after];
        const current = spec.read(db, change.objectId);
        if (!spec.same(current, decode(expected)))
          throw new AppError(spec.staleError, { id: change.objectId });
        spec.write(db, change.objectId, decode(target), current);
      }
      markGroup(db, key(scope), group.id, direction === 'undo');
      return { action: group.action as A, objectIds: [...new Set(changes.map((c) => c.objectId))] };
    })();
  }

  return {
    record(db, scope, action, changes, now) {
      const logged = changes.map(({ before, after }) => ({
        objectId: spec.idOf((after ?? before)!),
        before: encode(before),
        after: encode(after),
      }));
      appendGroup(db, key(scope), action, logged, now, spec.keep);
    },
    undo: (db, scope) => step(db, scope, 'undo'),
    redo: (db, scope) => step(db, scope, 'redo'),
    state: (db, scope) => ({
      undo: nextAction(db, key(scope), 'undo') as A | null,
      redo: nextAction(db, key(scope), 'redo') as A | null,
    }),
    clear: (db, scope) => clearHistory(db, key(scope)),
  };
}
