import type { PassageLink } from '../../../shared/domain/xref';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/** SQL of passage_links: one row per link; an end whose passage is gone is NULL (orphaned). */

interface LinkRow {
  id: string;
  from_passage: string | null;
  to_passage: string | null;
  from_document: string;
  to_document: string;
  from_text: string;
  to_text: string;
  note: string;
  author: string;
  created_at: string;
  updated_at: string;
}

const toLink = (r: LinkRow): PassageLink => ({
  id: r.id,
  from: r.from_passage,
  to: r.to_passage,
  note: r.note,
  fromDocumentId: r.from_document,
  toDocumentId: r.to_document,
  fromText: r.from_text,
  toText: r.to_text,
  author: r.author,
  created: r.created_at,
  updated: r.updated_at,
  status: r.from_passage && r.to_passage ? 'anchored' : 'orphaned',
});

export function getLink(db: Db, id: string): PassageLink | null {
  const row = statement(db, `SELECT * FROM passage_links WHERE id = ?`).get(id) as LinkRow | undefined;
  return row ? toLink(row) : null;
}

/** Links out of a passage and links into it, oldest first. */
export function linksOf(db: Db, passageId: string): { links: PassageLink[]; backlinks: PassageLink[] } {
  const out = statement(db, `SELECT * FROM passage_links WHERE from_passage = ? ORDER BY created_at, id`);
  const into = statement(db, `SELECT * FROM passage_links WHERE to_passage = ? ORDER BY created_at, id`);
  return {
    links: (out.all(passageId) as LinkRow[]).map(toLink),
    backlinks: (into.all(passageId) as LinkRow[]).map(toLink),
  };
}

/** Every link with an end in one of these documents (all links when null). */
export function listLinks(db: Db, documentId: string | null): PassageLink[] {
  const rows = documentId
    ? statement(
        db,
        `SELECT * FROM passage_links WHERE from_document = ? OR to_document = ? ORDER BY created_at, id`,
      ).all(documentId, documentId)
    : statement(db, `SELECT * FROM passage_links ORDER BY created_at, id`).all();
  return (rows as LinkRow[]).map(toLink);
}

/** Writes a link as given (insert or overwrite). */
export function putLink(db: Db, l: PassageLink): void {
  statement(
    db,
    `INSERT INTO passage_links (id, from_passage, to_passage, from_document, to_document, from_text, to_text,
       note, author, created_at, updated_at)
     VALUES (@id, @from, @to, @fromDocumentId, @toDocumentId, @fromText, @toText, @note, @author, @created, @updated)
     ON CONFLICT(id) DO UPDATE SET from_passage = excluded.from_passage, to_passage = excluded.to_passage,
       from_document = excluded.from_document, to_document = excluded.to_document,
       from_text = excluded.from_text, to_text = excluded.to_text, note = excluded.note,
       author = excluded.author, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run({
    id: l.id,
    from: l.from,
    to: l.to,
    fromDocumentId: l.fromDocumentId,
    toDocumentId: l.toDocumentId,
    fromText: l.fromText,
    toText: l.toText,
    note: l.note,
    author: l.author,
    created: l.created,
    updated: l.updated,
  });
}

export function removeLink(db: Db, id: string): void {
  statement(db, `DELETE FROM passage_links WHERE id = ?`).run(id);
}

/** Moves every link end on `from` to `to` (null: orphaned). */
export function moveLinkEnds(db: Db, from: string, to: string | null): void {
  statement(db, `UPDATE passage_links SET from_passage = ? WHERE from_passage = ?`).run(to, from);
  statement(db, `UPDATE passage_links SET to_passage = ? WHERE to_passage = ?`).run(to, from);
}

/** Orphans every link end in a document (it is being deleted); the link and its texts stay. */
export function orphanDocumentLinks(db: Db, documentId: string): number {
  const a = statement(db, `UPDATE passage_links SET from_passage = NULL WHERE from_document = ?`).run(
    documentId,
  );
  const b = statement(db, `UPDATE passage_links SET to_passage = NULL WHERE to_document = ?`).run(documentId);
  return a.changes + b.changes;
}

/** Orphaned ends of a document's links, with the passage text they were made on. */
export function orphanEnds(db: Db, documentId: string): { id: string; end: 'from' | 'to'; text: string }[] {
  return [
    ...(
      statement(
        db,
        `SELECT id, from_text AS text FROM passage_links WHERE from_document = ? AND from_passage IS NULL`,
      ).all(documentId) as { id: string; text: string }[]
    ).map((r) => ({ ...r, end: 'from' as const })),
    ...(
      statement(
        db,
        `SELECT id, to_text AS text FROM passage_links WHERE to_document = ? AND to_passage IS NULL`,
      ).all(documentId) as { id: string; text: string }[]
    ).map((r) => ({ ...r, end: 'to' as const })),
  ];
}

export function setLinkEnd(db: Db, id: string, end: 'from' | 'to', passageId: string): void {
  const column = end === 'from' ? 'from_passage' : 'to_passage';
  statement(db, `UPDATE passage_links SET ${column} = ? WHERE id = ?`).run(passageId, id);
}
