import type { AnnotationColor, AnnotationPrefs, DriftOutcome } from '../../../shared/domain/annotations';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * The annotations family's smaller tables, beside `repository.ts` (annotations and their tags):
 * the palette's labels, conflicts pending from a merged file, and the drift report of a replace.
 */

export function colorLabels(db: Db): AnnotationPrefs['colors'] {
  return statement(
    db,
    `SELECT color, label FROM annotation_colors ORDER BY ordinal`,
  ).all() as AnnotationPrefs['colors'];
}

export function saveColorLabel(db: Db, color: AnnotationColor, label: string): void {
  statement(db, `UPDATE annotation_colors SET label = ? WHERE color = ?`).run(label, color);
}

export function colorLabelled(db: Db, label: string): AnnotationColor | undefined {
  const row = statement(db, `SELECT color FROM annotation_colors WHERE label = ?`).get(label) as
    { color: AnnotationColor } | undefined;
  return row?.color;
}

/** A conflict from a merged file: the incoming copy as JSON, kept until the user chooses. */
export function savePendingConflict(
  db: Db,
  annotationId: string,
  incomingJson: string,
  receivedAt: string,
): void {
  statement(
    db,
    `INSERT INTO annotation_conflicts (annotation_id, incoming, received_at) VALUES (?, ?, ?)
     ON CONFLICT(annotation_id) DO UPDATE SET incoming = excluded.incoming, received_at = excluded.received_at`,
  ).run(annotationId, incomingJson, receivedAt);
}

export function clearPendingConflict(db: Db, annotationId: string): void {
  statement(db, `DELETE FROM annotation_conflicts WHERE annotation_id = ?`).run(annotationId);
}

export function pendingConflict(db: Db, annotationId: string): string | undefined {
  return statement(db, `SELECT incoming FROM annotation_conflicts WHERE annotation_id = ?`)
    .pluck()
    .get(annotationId) as string | undefined;
}

/** Pending conflicts in the order they arrived, of one document or of all. */
export function pendingConflicts(db: Db, documentId?: string): { id: string; incoming: string }[] {
  const sql = `SELECT c.annotation_id AS id, c.incoming FROM annotation_conflicts c
     JOIN annotations a ON a.id = c.annotation_id
     ${documentId ? 'WHERE a.document_id = ?' : ''} ORDER BY c.received_at, c.annotation_id`;
  return statement(db, sql).all(...(documentId ? [documentId] : [])) as { id: string; incoming: string }[];
}

export interface DriftRow {
  annotationId: string;
  outcome: DriftOutcome;
  before: string;
  after: string | null;
}

export function saveDrift(
  db: Db,
  edition: { documentId: string; number: number; replacedAt: string },
  row: DriftRow,
): void {
  statement(
    db,
    `INSERT INTO annotation_drift (document_id, edition, replaced_at, annotation_id, outcome, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    edition.documentId,
    edition.number,
    edition.replacedAt,
    row.annotationId,
    row.outcome,
    row.before,
    row.after,
  );
}

export function driftRows(db: Db, documentId: string, edition: number): DriftRow[] {
  return statement(
    db,
    `SELECT annotation_id AS annotationId, outcome, before_json AS before, after_json AS after
     FROM annotation_drift WHERE document_id = ? AND edition = ? ORDER BY id`,
  ).all(documentId, edition) as DriftRow[];
}
