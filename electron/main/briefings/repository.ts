import type { Briefing, BriefingItem, BriefingMark, BriefingSummary } from '../../../shared/domain/briefings';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/** A briefing's own fields as stored. */
export type BriefingRow = Omit<Briefing, 'items'>;

/**
 * An outline item as stored: the excerpt's anchor (the source text at it, which equals `text`
 * unless drifted, its context and edition) and the marks as last seen while anchored.
 */
export interface StoredItem extends Omit<BriefingItem, 'sourceText'> {
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  editionHash: string | null;
}

/** The whole briefing: what the undo log snapshots and restores. */
export interface BriefingState {
  briefing: BriefingRow;
  items: StoredItem[];
}

const BRIEFING_COLUMNS = `id, title, audience, date, created_at AS created, updated_at AS updated`;
const ITEM_COLUMNS = `id, kind, level, text, document_id AS documentId, passage_id AS passageId,
  start_offset AS start, end_offset AS "end", exact, prefix, suffix, edition_hash AS editionHash,
  citation, status, marks`;

type ItemRow = Omit<StoredItem, 'marks'> & { marks: string };
const fromRow = (r: ItemRow): StoredItem => ({ ...r, marks: JSON.parse(r.marks) as BriefingMark[] });

export function getBriefingRow(db: Db, id: string): BriefingRow | undefined {
  return statement(db, `SELECT ${BRIEFING_COLUMNS} FROM briefings WHERE id = ?`).get(id) as
    BriefingRow | undefined;
}

export function listBriefingSummaries(db: Db): BriefingSummary[] {
  return db
    .prepare(
      `SELECT b.id, b.title, b.audience, b.date, b.updated_at AS updated,
         (SELECT count(*) FROM briefing_items i WHERE i.briefing_id = b.id) AS itemCount,
         (SELECT count(*) FROM briefing_items i WHERE i.briefing_id = b.id
            AND i.status IN ('drifted', 'orphaned')) AS flagged
       FROM briefings b ORDER BY b.updated_at DESC, b.id`,
    )
    .all() as BriefingSummary[];
}

export function listItems(db: Db, briefingId: string): StoredItem[] {
  return (
    statement(db, `SELECT ${ITEM_COLUMNS} FROM briefing_items WHERE briefing_id = ? ORDER BY ordinal`).all(
      briefingId,
    ) as ItemRow[]
  ).map(fromRow);
}

export function loadState(db: Db, id: string): BriefingState | undefined {
  const briefing = getBriefingRow(db, id);
  return briefing && { briefing, items: listItems(db, id) };
}

/** Writes the briefing and its whole outline (insert or overwrite); the caller holds the transaction. */
export function saveState(db: Db, { briefing, items }: BriefingState): void {
  statement(
    db,
    `INSERT INTO briefings (id, title, audience, date, created_at, updated_at)
     VALUES (@id, @title, @audience, @date, @created, @updated)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, audience = excluded.audience,
       date = excluded.date, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run(briefing);
  statement(db, `DELETE FROM briefing_items WHERE briefing_id = ?`).run(briefing.id);
  items.forEach((item, ordinal) => writeItem(db, briefing.id, ordinal, item));
}

function writeItem(db: Db, briefingId: string, ordinal: number, item: StoredItem): void {
  statement(
    db,
    `INSERT INTO briefing_items (id, briefing_id, ordinal, kind, level, text, document_id, passage_id,
       start_offset, end_offset, exact, prefix, suffix, edition_hash, citation, status, marks)
     VALUES (@id, @briefingId, @ordinal, @kind, @level, @text, @documentId, @passageId, @start, @end,
       @exact, @prefix, @suffix, @editionHash, @citation, @status, @marksJson)`,
  ).run({ ...item, briefingId, ordinal, marks: undefined, marksJson: JSON.stringify(item.marks) });
}

/** Re-anchoring writes one excerpt in place, keeping its briefing and position. */
export function updateExcerptAnchor(db: Db, item: StoredItem): void {
  statement(
    db,
    `UPDATE briefing_items SET passage_id = @passageId, start_offset = @start, end_offset = @end,
       exact = @exact, prefix = @prefix, suffix = @suffix, edition_hash = @editionHash,
       citation = @citation, status = @status, marks = @marksJson WHERE id = @id`,
  ).run({ ...item, marksJson: JSON.stringify(item.marks) });
}

export function deleteBriefingRow(db: Db, id: string): boolean {
  return db.prepare(`DELETE FROM briefings WHERE id = ?`).run(id).changes > 0;
}

/** Excerpts taken from a document, with the briefing each belongs to. */
export function excerptsOfDocument(db: Db, documentId: string): (StoredItem & { briefingId: string })[] {
  return (
    db
      .prepare(
        `SELECT ${ITEM_COLUMNS}, briefing_id AS briefingId FROM briefing_items
         WHERE kind = 'excerpt' AND document_id = ?`,
      )
      .all(documentId) as (ItemRow & { briefingId: string })[]
  ).map((r) => ({ ...fromRow(r), briefingId: r.briefingId }));
}

/** The orphaning on delete: passage gone, quote, citation and marks kept. */
export function orphanExcerptsOfDocument(db: Db, documentId: string): string[] {
  const ids = (
    db
      .prepare(
        `SELECT DISTINCT briefing_id AS id FROM briefing_items WHERE document_id = ? AND kind = 'excerpt'`,
      )
      .all(documentId) as { id: string }[]
  ).map((r) => r.id);
  db.prepare(
    `UPDATE briefing_items SET status = 'orphaned', passage_id = NULL WHERE document_id = ? AND kind = 'excerpt'`,
  ).run(documentId);
  return ids;
}

/** Annotations on a passage that overlap `[start, end)`, for an excerpt's live marks. */
export function annotationsOverlapping(
  db: Db,
  passageId: string,
  start: number,
  end: number,
): {
  id: string;
  start: number;
  end: number;
  kind: BriefingMark['kind'];
  color: BriefingMark['color'];
  note: string;
  tags: string | null;
}[] {
  return statement(
    db,
    `SELECT a.id, a.start_offset AS start, a.end_offset AS "end", a.kind, a.color, a.note,
       (SELECT json_group_array(name) FROM (SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
          WHERE at.annotation_id = a.id ORDER BY t.name)) AS tags
     FROM annotations a WHERE a.passage_id = ? AND a.start_offset < ? AND a.end_offset > ?
     ORDER BY a.start_offset, a.created_at`,
  ).all(passageId, end, start) as never;
}

/** The one annotation an excerpt is made from. */
export function annotationAnchor(
  db: Db,
  annotationId: string,
): { passageId: string | null; start: number; end: number } | undefined {
  return statement(
    db,
    `SELECT passage_id AS passageId, start_offset AS start, end_offset AS "end" FROM annotations WHERE id = ?`,
  ).get(annotationId) as { passageId: string | null; start: number; end: number } | undefined;
}
