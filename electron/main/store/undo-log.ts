import type { Db } from './database';
import { statement } from './statements';

/**
 * SQL of undo_log (migration 010), the one table of undoable edits. Rows are one changed object
 * each, grouped by user action; a history is (kind, scope). What a kind's states mean, and how a
 * step is applied, is the business of store/undo-history.ts and the domain that defines the kind.
 */

export type UndoKind = 'annotation' | 'link' | 'briefing';

/** One history: annotations per document, links one for the library (scope ''), briefings per briefing. */
export interface HistoryKey {
  kind: UndoKind;
  scope: string;
}

/** One changed object of an action, its states as JSON (null: the object did not exist). */
export interface LoggedChange {
  objectId: string;
  before: string | null;
  after: string | null;
}

export interface LoggedGroup {
  id: number;
  action: string;
  /** In the order the action made them. */
  changes: LoggedChange[];
}

/**
 * The history's owner row, for kinds whose history belongs to one (see the migration): deleting
 * the document or the briefing deletes its history by cascade.
 */
const OWNER_COLUMN: Record<UndoKind, 'document_id' | 'briefing_id' | null> = {
  annotation: 'document_id',
  link: null,
  briefing: 'briefing_id',
};

/**
 * Appends one action to a history: drops what could have been redone (a new edit ends the redo
 * branch), writes its rows as one group, and keeps only the newest `keep` groups (whole groups:
 * half an action could not be undone faithfully). The caller holds the transaction of the edit.
 */
export function appendGroup(
  db: Db,
  key: HistoryKey,
  action: string,
  changes: readonly LoggedChange[],
  now: string,
  keep: number,
): void {
  if (!changes.length) return;
  const { kind, scope } = key;
  statement(db, `DELETE FROM undo_log WHERE kind = ? AND scope = ? AND undone = 1`).run(kind, scope);
  // The seq the first row gets, so groups count up with the rows (max(seq) is a rowid lookup).
  const group = statement(db, `SELECT coalesce(max(seq), 0) + 1 FROM undo_log`).pluck().get() as number;
  const owner = OWNER_COLUMN[kind];
  const insert = statement(
    db,
    `INSERT INTO undo_log (kind, scope, group_id, action, object_id, before, after, created_at, document_id, briefing_id)
     VALUES (@kind, @scope, @group, @action, @objectId, @before, @after, @now, @documentId, @briefingId)`,
  );
  for (const change of changes)
    insert.run({
      kind,
      scope,
      group,
      action,
      ...change,
      now,
      documentId: owner === 'document_id' ? scope : null,
      briefingId: owner === 'briefing_id' ? scope : null,
    });
  statement(
    db,
    `DELETE FROM undo_log WHERE kind = @kind AND scope = @scope AND group_id < (
       SELECT DISTINCT group_id FROM undo_log WHERE kind = @kind AND scope = @scope
       ORDER BY group_id DESC LIMIT 1 OFFSET @skip)`,
  ).run({ kind, scope, skip: keep - 1 });
}

interface Row {
  group_id: number;
  action: string;
  object_id: string;
  before: string | null;
  after: string | null;
}

/**
 * The group an undo takes (the newest not undone) or a redo takes (the oldest undone); null when
 * there is none.
 */
export function nextGroup(db: Db, key: HistoryKey, direction: 'undo' | 'redo'): LoggedGroup | null {
  const [pick, undone] = direction === 'undo' ? ['max', 0] : ['min', 1];
  const rows = statement(
    db,
    `SELECT group_id, action, object_id, before, after FROM undo_log
     WHERE kind = @kind AND scope = @scope AND group_id = (
       SELECT ${pick}(group_id) FROM undo_log WHERE kind = @kind AND scope = @scope AND undone = @undone)
     ORDER BY seq`,
  ).all({ ...key, undone }) as Row[];
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.group_id,
    action: first.action,
    changes: rows.map((r) => ({ objectId: r.object_id, before: r.before, after: r.after })),
  };
}

/** The action of the group `nextGroup` would take, without reading its states. */
export function nextAction(db: Db, key: HistoryKey, direction: 'undo' | 'redo'): string | null {
  const [order, undone] = direction === 'undo' ? ['DESC', 0] : ['ASC', 1];
  return (
    (statement(
      db,
      `SELECT action FROM undo_log WHERE kind = @kind AND scope = @scope AND undone = @undone
       ORDER BY group_id ${order} LIMIT 1`,
    )
      .pluck()
      .get({ ...key, undone }) as string | undefined) ?? null
  );
}

export function markGroup(db: Db, key: HistoryKey, groupId: number, undone: boolean): void {
  statement(db, `UPDATE undo_log SET undone = ? WHERE kind = ? AND scope = ? AND group_id = ?`).run(
    undone ? 1 : 0,
    key.kind,
    key.scope,
    groupId,
  );
}

/** Forgets a history: its states point at rows that no longer exist (a replaced edition). */
export function clearHistory(db: Db, key: HistoryKey): void {
  statement(db, `DELETE FROM undo_log WHERE kind = ? AND scope = ?`).run(key.kind, key.scope);
}
