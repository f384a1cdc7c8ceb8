import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * team_removed_annotations (migration 015): team annotations removed with their document, as they
 * stood (see document-removal.ts). While the document is away this copy is the annotation's local
 * side for push, pull and merge alike.
 */
export function removedAnnotation(db: Db, id: string): Record<string, unknown> | null {
  const data = statement(db, `SELECT data FROM team_removed_annotations WHERE id = ?`).pluck().get(id);
  return typeof data === 'string' ? (JSON.parse(data) as Record<string, unknown>) : null;
}

export function putRemovedAnnotation(db: Db, id: string, data: Record<string, unknown>): void {
  statement(
    db,
    `INSERT INTO team_removed_annotations (id, data) VALUES (?, ?)
     ON CONFLICT(id) DO UPDATE SET data = excluded.data`,
  ).run(id, JSON.stringify(data));
}

export function dropRemovedAnnotation(db: Db, id: string): void {
  statement(db, `DELETE FROM team_removed_annotations WHERE id = ?`).run(id);
}

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
