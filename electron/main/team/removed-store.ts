import type { TeamKind } from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * Copies kept while their document is away (see document-removal.ts), as they stood: while it is,
 * the copy is the object's local side for push, pull and merge alike. Annotations in
 * team_removed_annotations (migration 015), a document's metadata correction in
 * team_removed_overrides (migration 017, keyed by the document).
 */
const KEPT = {
  annotation: { table: 'team_removed_annotations', key: 'id' },
  meta_override: { table: 'team_removed_overrides', key: 'document_id' },
} as const;
type KeptKind = keyof typeof KEPT;

function keptCopy(db: Db, kind: KeptKind, id: string): Record<string, unknown> | null {
  const { table, key } = KEPT[kind];
  const data = statement(db, `SELECT data FROM ${table} WHERE ${key} = ?`).pluck().get(id);
  return typeof data === 'string' ? (JSON.parse(data) as Record<string, unknown>) : null;
}

function putKeptCopy(db: Db, kind: KeptKind, id: string, data: Record<string, unknown>): void {
  const { table, key } = KEPT[kind];
  statement(
    db,
    `INSERT INTO ${table} (${key}, data) VALUES (?, ?) ON CONFLICT(${key}) DO UPDATE SET data = excluded.data`,
  ).run(id, JSON.stringify(data));
}

function dropKeptCopy(db: Db, kind: KeptKind, id: string): void {
  const { table, key } = KEPT[kind];
  statement(db, `DELETE FROM ${table} WHERE ${key} = ?`).run(id);
}

/** What was kept of any object removed with its document (null: none kept, or a kind never kept). */
export const keptWhileAway = (db: Db, kind: TeamKind, id: string): Record<string, unknown> | null =>
  kind in KEPT ? keptCopy(db, kind as KeptKind, id) : null;

export const removedAnnotation = (db: Db, id: string) => keptCopy(db, 'annotation', id);
export const putRemovedAnnotation = (db: Db, id: string, data: Record<string, unknown>) =>
  putKeptCopy(db, 'annotation', id, data);
export const dropRemovedAnnotation = (db: Db, id: string) => dropKeptCopy(db, 'annotation', id);

export const removedOverride = (db: Db, documentId: string) => keptCopy(db, 'meta_override', documentId);
export const putRemovedOverride = (db: Db, documentId: string, data: Record<string, unknown>) =>
  putKeptCopy(db, 'meta_override', documentId, data);
export const dropRemovedOverride = (db: Db, documentId: string) =>
  dropKeptCopy(db, 'meta_override', documentId);

/** The ids of a document's annotations, read before its deletion removes them. */
export function annotationIdsOf(db: Db, documentId: string): string[] {
  return statement(db, `SELECT id FROM annotations WHERE document_id = ? ORDER BY id`)
    .pluck()
    .all(documentId) as string[];
}

/** Every kept copy, in id order (a library leaving the team hands them to the annotations' detached sets). */
export function allRemovedAnnotations(db: Db): { id: string; data: Record<string, unknown> }[] {
  return (
    statement(db, `SELECT id, data FROM team_removed_annotations ORDER BY id`).all() as {
      id: string;
      data: string;
    }[]
  ).map((r) => ({ id: r.id, data: JSON.parse(r.data) as Record<string, unknown> }));
}
