import { formatCitation } from '../../../shared/domain/citation';
import type { Db } from './database';
import { statement } from './statements';

interface PassageRow {
  title: string;
  sectionId: string | null;
  paragraph: number;
}

/**
 * Citations of several passages (a page of search hits, a glossary term's occurrences), with
 * statements kept prepared and section paths shared between passages of the same section.
 * `paragraphs` are numbers a caller knows already (search has them from its index): those
 * passages are not counted again.
 */
export function citationsFor(
  db: Db,
  passageIds: readonly string[],
  paragraphs: ReadonlyMap<string, number> = new Map(),
): Map<string, string> {
  const out = new Map<string, string>();
  // The paragraph number counts within the section through the section index (a section's
  // passages are one document's), not along the whole document up to the passage: half the time
  // on long documents. Passages outside any section count along the document.
  const passage = statement(
    db,
    `SELECT d.title, p.section_id AS sectionId,
       CASE WHEN p.section_id IS NULL
         THEN (SELECT count(*) FROM passages q WHERE q.document_id = p.document_id AND q.section_id IS NULL
                 AND q.ordinal <= p.ordinal)
         ELSE (SELECT count(*) FROM passages q WHERE q.section_id = p.section_id AND q.ordinal <= p.ordinal)
       END AS paragraph
     FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?`,
  );
  // A page of hits is read in two statements, not one per hit and per section: its passages'
  // places, then every section on their paths (one lookup a row was most of building a page).
  const known = [...new Set(passageIds)].filter((id) => paragraphs.has(id));
  const places = new Map(
    (
      statement(
        db,
        `SELECT p.id, d.title, p.section_id AS sectionId FROM passages p JOIN documents d ON d.id = p.document_id
         WHERE p.id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(known)) as (Omit<PassageRow, 'paragraph'> & { id: string })[]
    ).map((r) => [r.id, r]),
  );
  const rows = new Map<string, PassageRow>();
  for (const id of new Set(passageIds)) {
    const place = places.get(id);
    const row = place
      ? { ...place, paragraph: paragraphs.get(id)! }
      : (passage.get(id) as PassageRow | undefined);
    if (row) rows.set(id, row);
  }
  const sections = sectionsAbove(
    db,
    [...rows.values()].flatMap((r) => (r.sectionId ? [r.sectionId] : [])),
  );
  const paths = new Map<string, { level: number; label: string }[]>();
  const pathOf = (sectionId: string | null) => {
    if (!sectionId) return [];
    let path = paths.get(sectionId);
    if (path) return path;
    path = [];
    // Bounded by the sections read: a damaged parent cycle cannot loop.
    for (let id: string | null = sectionId; id && path.length <= sections.size;) {
      const s = sections.get(id);
      if (!s) break;
      path.unshift(s);
      id = s.parentId;
    }
    paths.set(sectionId, path);
    return path;
  };
  for (const [id, row] of rows) out.set(id, formatCitation(row.title, pathOf(row.sectionId), row.paragraph));
  return out;
}

interface SectionRow {
  parentId: string | null;
  level: number;
  label: string;
}

/** The sections given and every section above them, by id, in one statement. */
function sectionsAbove(db: Db, sectionIds: string[]): Map<string, SectionRow> {
  if (!sectionIds.length) return new Map();
  const rows = statement(
    db,
    `WITH RECURSIVE chain(id) AS (
       SELECT value FROM json_each(?)
       UNION SELECT s.parent_id FROM sections s JOIN chain c ON s.id = c.id WHERE s.parent_id IS NOT NULL)
     SELECT s.id, s.parent_id AS parentId, s.level, s.label FROM sections s WHERE s.id IN (SELECT id FROM chain)`,
  ).all(JSON.stringify([...new Set(sectionIds)])) as (SectionRow & { id: string })[];
  return new Map(rows.map(({ id, ...row }) => [id, row]));
}

/** The citation of one stored passage (see `formatCitation`), '' for an unknown id. */
export function citationFor(db: Db, passageId: string): string {
  return citationsFor(db, [passageId]).get(passageId) ?? '';
}
