import type { Annotation, AnnotationStatus } from '../../../shared/domain/annotations';
import type { Db } from '../store/database';
import { passagePlaces } from '../store/passage-reader';
import { statement } from '../store/statements';

/** An annotation as stored, history included: what the undo log snapshots and restores. */
export interface StoredAnnotation extends Annotation {
  history: string[];
}

/** As selected: tags and history still JSON text. */
type Row = Omit<StoredAnnotation, 'tags' | 'history'> & { tags: string | null; history: string };

const SELECT = `SELECT a.id, a.document_id AS documentId, a.passage_id AS passageId,
    a.start_offset AS start, a.end_offset AS "end", a.exact AS quote, a.prefix, a.suffix, a.kind,
    a.color, a.note, a.author, a.created_at AS created, a.updated_at AS updated, a.status,
    a.edition_hash AS editionHash, a.history,
    (SELECT json_group_array(name) FROM (SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.annotation_id = a.id ORDER BY t.name)) AS tags
  FROM annotations a`;

const fromRow = (r: Row): StoredAnnotation => ({
  ...r,
  tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
  history: JSON.parse(r.history) as string[],
});

export const publicView = ({ history: _history, ...a }: StoredAnnotation): Annotation => a;

export function getAnnotation(db: Db, id: string): StoredAnnotation | undefined {
  const row = statement(db, `${SELECT} WHERE a.id = ?`).get(id) as Row | undefined;
  return row && fromRow(row);
}

export function listAnnotations(
  db: Db,
  filter: { documentId?: string; status?: AnnotationStatus } = {},
): StoredAnnotation[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.documentId) {
    where.push('a.document_id = ?');
    params.push(filter.documentId);
  }
  if (filter.status) {
    where.push('a.status = ?');
    params.push(filter.status);
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.document_id, a.start_offset, a.created_at`;
  return inTextOrder(db, (db.prepare(sql).all(...params) as Row[]).map(fromRow));
}

/**
 * Text order: by document, then passage order (the store knows it), then position; orphans last
 * in their document. The sort is stable, so equal places keep the query's creation order.
 */
function inTextOrder(db: Db, annotations: StoredAnnotation[]): StoredAnnotation[] {
  const places = passagePlaces(
    db,
    annotations.flatMap((a) => (a.passageId === null ? [] : [a.passageId])),
  );
  const ordinal = (a: StoredAnnotation) =>
    a.passageId === null ? undefined : places.get(a.passageId)?.ordinal;
  return annotations.sort((a, b) => {
    if (a.documentId !== b.documentId) return a.documentId < b.documentId ? -1 : 1;
    const [oa, ob] = [ordinal(a), ordinal(b)];
    if (oa !== ob) return oa === undefined ? 1 : ob === undefined ? -1 : oa - ob;
    return a.start - b.start;
  });
}

/** Writes the whole record (insert or overwrite) with its tags; the caller holds the transaction. */
export function putAnnotation(db: Db, a: StoredAnnotation): void {
  statement(
    db,
    `INSERT INTO annotations (id, document_id, passage_id, start_offset, end_offset, exact, prefix, suffix,
       kind, color, note, author, created_at, updated_at, status, edition_hash, history)
     VALUES (@id, @documentId, @passageId, @start, @end, @quote, @prefix, @suffix, @kind, @color, @note,
       @author, @created, @updated, @status, @editionHash, @historyJson)
     ON CONFLICT(id) DO UPDATE SET document_id = excluded.document_id, passage_id = excluded.passage_id,
       start_offset = excluded.start_offset, end_offset = excluded.end_offset, exact = excluded.exact,
       prefix = excluded.prefix, suffix = excluded.suffix, kind = excluded.kind, color = excluded.color,
       note = excluded.note, author = excluded.author, created_at = excluded.created_at,
       updated_at = excluded.updated_at, status = excluded.status, edition_hash = excluded.edition_hash,
       history = excluded.history`,
  ).run({ ...a, tags: undefined, history: undefined, historyJson: JSON.stringify(a.history) });
  setTags(db, a.id, a.tags);
}

export function removeAnnotation(db: Db, id: string): void {
  statement(db, `DELETE FROM annotations WHERE id = ?`).run(id);
  pruneTags(db);
}

function setTags(db: Db, id: string, tags: readonly string[]): void {
  statement(db, `DELETE FROM annotation_tags WHERE annotation_id = ?`).run(id);
  const insertTag = statement(db, `INSERT INTO tags (name) VALUES (?) ON CONFLICT(name) DO NOTHING`);
  const link = statement(
    db,
    `INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT ?, id FROM tags WHERE name = ?`,
  );
  for (const tag of tags) {
    insertTag.run(tag);
    link.run(id, tag);
  }
  pruneTags(db);
}

/** A tag nobody uses any more disappears from the filter list. */
function pruneTags(db: Db): void {
  statement(
    db,
    `DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM annotation_tags at WHERE at.tag_id = tags.id)`,
  ).run();
}

/** Tags trimmed, de-duplicated ignoring case (the first spelling wins), in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#/, '');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export function tagCounts(db: Db, documentId?: string): { tag: string; count: number }[] {
  return db
    .prepare(
      `SELECT t.name AS tag, count(*) AS count FROM annotation_tags at
       JOIN tags t ON t.id = at.tag_id JOIN annotations a ON a.id = at.annotation_id
       ${documentId ? 'WHERE a.document_id = ?' : ''}
       GROUP BY t.id ORDER BY count DESC, t.name`,
    )
    .all(...(documentId ? [documentId] : [])) as { tag: string; count: number }[];
}
