import type { Measure } from '../../../shared/domain/library';
import type { PassageXref } from '../../../shared/domain/xref';
import type { Db } from './database';
import { statement } from './statements';

/**
 * One document's content rows in reading order, as the indexers read them (search units, ledger
 * facts, term lookups): the joins over passages and sections they need live here, with the rest
 * of the document tables' SQL.
 */

export interface PassageRow {
  id: string;
  docId: string;
  sectionId: string | null;
  lead: string | null;
  text: string;
}

export function passageRowsOfDocument(db: Db, documentId: string): PassageRow[] {
  return statement(
    db,
    `SELECT id, document_id AS docId, section_id AS sectionId, lead, text
     FROM passages WHERE document_id = ? ORDER BY ordinal`,
  ).all(documentId) as PassageRow[];
}

/** A glossary entry with the passage where it is first referred to (null if it never is). */
export interface GlossaryRow {
  id: string;
  docId: string;
  term: string;
  definition: string;
  passageId: string | null;
}

export function glossaryRowsOfDocument(db: Db, documentId: string): GlossaryRow[] {
  return statement(
    db,
    `SELECT g.id, g.document_id AS docId, g.term, g.definition,
       (SELECT f.passage_id FROM footnote_refs f JOIN passages p ON p.id = f.passage_id
        WHERE f.glossary_id = g.id ORDER BY p.ordinal, f.offset LIMIT 1) AS passageId
     FROM glossary_entries g WHERE g.document_id = ? ORDER BY g.ordinal`,
  ).all(documentId) as GlossaryRow[];
}

/** Every glossary entry of the library, by document and ordinal (the term view's lookup table). */
export type LibraryGlossaryEntry = Omit<GlossaryRow, 'passageId'>;

export function glossaryEntriesOfLibrary(db: Db): LibraryGlossaryEntry[] {
  return statement(
    db,
    `SELECT id, document_id AS docId, term, definition FROM glossary_entries ORDER BY document_id, ordinal`,
  ).all() as LibraryGlossaryEntry[];
}

/** The glossary terms one passage refers to, in the order it first refers to them. */
export function glossaryTermsOfPassage(db: Db, passageId: string): PassageXref['terms'] {
  return statement(
    db,
    `SELECT g.id AS glossaryId, g.term, min(f.source) AS source FROM footnote_refs f
     JOIN glossary_entries g ON g.id = f.glossary_id WHERE f.passage_id = ?
     GROUP BY g.id ORDER BY min(f.offset)`,
  ).all(passageId) as PassageXref['terms'];
}

/** The measures stated in one passage, in reading order. */
export function measuresOfPassage(db: Db, passageId: string): PassageXref['measures'] {
  return statement(db, `SELECT id, kind, title FROM measures WHERE passage_id = ? ORDER BY ordinal`).all(
    passageId,
  ) as PassageXref['measures'];
}

/** A measure with the section of its passage. */
export interface MeasureRow {
  id: string;
  docId: string;
  passageId: string;
  sectionId: string | null;
  title: string;
  indicator: string | null;
}

export function measureRowsOfDocument(db: Db, documentId: string): MeasureRow[] {
  return statement(
    db,
    `SELECT m.id, m.document_id AS docId, m.passage_id AS passageId, p.section_id AS sectionId, m.title, m.indicator
     FROM measures m JOIN passages p ON p.id = m.passage_id WHERE m.document_id = ? ORDER BY m.ordinal`,
  ).all(documentId) as MeasureRow[];
}

/** An indicator measure (one with a status) of a body passage, with that passage's text. */
export type IndicatorMeasure = Pick<
  Measure,
  'passageId' | 'indicator' | 'value' | 'unit' | 'change' | 'qualifier' | 'period' | 'status' | 'title'
> & { text: string };

export function indicatorMeasuresOfDocument(db: Db, documentId: string): IndicatorMeasure[] {
  return statement(
    db,
    `SELECT m.passage_id AS passageId, m.indicator, m.value, m.unit, m.change, m.qualifier, m.period, m.status,
       m.title, p.text
     FROM measures m JOIN passages p ON p.id = m.passage_id
     WHERE m.document_id = ? AND m.kind = 'indicator' AND m.status IS NOT NULL AND p.kind = 'body'
     ORDER BY m.ordinal`,
  ).all(documentId) as IndicatorMeasure[];
}

/** The sections of several documents (id, parent, title), each document's in reading order. */
export function sectionTitlesOf(
  db: Db,
  documentIds: readonly string[],
): { id: string; parentId: string | null; title: string }[] {
  const query = statement(
    db,
    `SELECT id, parent_id AS parentId, title FROM sections WHERE document_id = ? ORDER BY ordinal`,
  );
  return documentIds.flatMap(
    (id) => query.all(id) as { id: string; parentId: string | null; title: string }[],
  );
}

/** Every section heading of the library with the first passage under it, by document and reading order. */
export interface SectionHeading {
  id: string;
  docId: string;
  label: string;
  title: string;
  passageId: string | null;
}

export function sectionHeadingsOfLibrary(db: Db): SectionHeading[] {
  return statement(
    db,
    `SELECT s.id, s.document_id AS docId, s.label, s.title,
       (SELECT p.id FROM passages p WHERE p.section_id = s.id ORDER BY p.ordinal LIMIT 1) AS passageId
     FROM sections s ORDER BY s.document_id, s.ordinal`,
  ).all() as SectionHeading[];
}

/** Glossary entries' term and definition by id, in one statement (a page of search hits). */
export function glossaryTextsByIds(
  db: Db,
  ids: readonly string[],
): { id: string; term: string; definition: string }[] {
  return statement(
    db,
    `SELECT id, term, definition FROM glossary_entries WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as { id: string; term: string; definition: string }[];
}

/** Measures' title and indicator by id, in one statement (a page of search hits). */
export function measureTextsByIds(
  db: Db,
  ids: readonly string[],
): { id: string; title: string; indicator: string | null }[] {
  return statement(
    db,
    `SELECT id, title, indicator FROM measures WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as { id: string; title: string; indicator: string | null }[];
}
