import { formatCitation } from '../../../shared/domain/citation';
import type { Db } from './database';

/** The citation of one stored passage (see `formatCitation`). */
export function citationFor(db: Db, passageId: string): string {
  const row = db
    .prepare(
      `SELECT p.ordinal, p.section_id AS sectionId, p.document_id AS documentId, d.title
       FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?`,
    )
    .get(passageId) as
    { ordinal: number; sectionId: string | null; documentId: string; title: string } | undefined;
  if (!row) return '';
  const path: { level: number; label: string }[] = [];
  for (let id = row.sectionId; id;) {
    const s = db.prepare(`SELECT parent_id AS parentId, level, label FROM sections WHERE id = ?`).get(id) as
      { parentId: string | null; level: number; label: string } | undefined;
    if (!s) break;
    path.unshift(s);
    id = s.parentId;
  }
  const paragraph = (
    db
      .prepare(
        `SELECT count(*) AS n FROM passages WHERE document_id = ? AND section_id IS ? AND ordinal <= ?`,
      )
      .get(row.documentId, row.sectionId, row.ordinal) as { n: number }
  ).n;
  return formatCitation(row.title, path, paragraph);
}
