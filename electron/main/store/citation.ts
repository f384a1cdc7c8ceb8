import { formatCitation } from '../../../shared/domain/citation';
import type { Db } from './database';
import { statement } from './statements';

/** Where a passage is: its document's title, its section and its number there. */
export interface PassageRow {
  title: string;
  sectionId: string | null;
  paragraph: number;
}

/**
 * Citations of several passages (a page of search hits, a glossary term's occurrences), with
 * statements kept prepared and section paths shared between passages of the same section.
 * `known` are places a caller knows already (search has them from its index and its documents):
 * those passages are not read again, only their sections.
 */
export function citationsFor(
  db: Db,
  passageIds: readonly string[],
  known: ReadonlyMap<string, PassageRow> = new Map(),
): Map<string, string> {
  const out = new Map<string, string>();
  const paths = new Map<string, { level: number; label: string }[]>();
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
  const section = statement(db, `SELECT parent_id AS parentId, level, label FROM sections WHERE id = ?`);
  const pathOf = (sectionId: string | null) => {
    if (!sectionId) return [];
    let path = paths.get(sectionId);
    if (path) return path;
    path = [];
    for (let id: string | null = sectionId; id;) {
      const s = section.get(id) as { parentId: string | null; level: number; label: string } | undefined;
      if (!s) break;
      path.unshift(s);
      id = s.parentId;
    }
    paths.set(sectionId, path);
    return path;
  };
  for (const id of new Set(passageIds)) {
    const row = known.get(id) ?? (passage.get(id) as PassageRow | undefined);
    if (row) out.set(id, formatCitation(row.title, pathOf(row.sectionId), row.paragraph));
  }
  return out;
}

/** The citation of one stored passage (see `formatCitation`), '' for an unknown id. */
export function citationFor(db: Db, passageId: string): string {
  return citationsFor(db, [passageId]).get(passageId) ?? '';
}
