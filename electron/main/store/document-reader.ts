import type {
  DocumentBundle,
  DocumentMeta,
  DocumentSummary,
  FootnoteRef,
  GlossaryEntry,
  Measure,
  Passage,
  Section,
} from '../../../shared/domain/library';
import type { Db } from './database';

const META_COLUMNS = `id, title, issuer, date, year, level, region, index_number AS indexNumber, speaker, meeting,
  source_file AS sourceFile, source_format AS sourceFormat, content_hash AS contentHash, edition, imported_at AS importedAt`;

export function getDocumentMeta(db: Db, id: string): DocumentMeta | undefined {
  return db.prepare(`SELECT ${META_COLUMNS} FROM documents WHERE id = ?`).get(id) as DocumentMeta | undefined;
}

/**
 * Passage, glossary and measure counts are kept on the document's row by the writer (migration
 * 016): counting them here walked every passage of the library. Annotations are counted by their index.
 */
export function listDocuments(db: Db): DocumentSummary[] {
  return db
    .prepare(
      `SELECT d.id, d.title, d.issuer, d.date, d.year, d.level, d.region, d.imported_at AS importedAt,
        d.passage_count AS passages, d.glossary_count AS glossary, d.measure_count AS measures,
        (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotations
       FROM documents d
       ORDER BY d.year IS NULL, d.year DESC, d.date DESC, d.title`,
    )
    .all() as DocumentSummary[];
}

export function getDocumentBundle(db: Db, id: string): DocumentBundle | undefined {
  const document = getDocumentMeta(db, id);
  if (!document) return undefined;
  const sections = db
    .prepare(
      `SELECT id, parent_id AS parentId, level, label, title, ordinal FROM sections WHERE document_id = ? ORDER BY ordinal`,
    )
    .all(id) as Section[];
  const passages: Passage[] = (
    db
      .prepare(
        `SELECT id, section_id AS sectionId, ordinal, lead, text, kind, ocr_confidence AS ocrConfidence, ocr_low AS ocrLow
       FROM passages WHERE document_id = ? ORDER BY ordinal`,
      )
      .all(id) as (Passage & { ocrConfidence: number | null; ocrLow: string | null })[]
  ).map(({ ocrConfidence, ocrLow, ...p }) =>
    ocrConfidence === null
      ? p
      : { ...p, ocr: { confidence: ocrConfidence, low: JSON.parse(ocrLow ?? '[]') } },
  );
  const glossary = db
    .prepare(
      `SELECT id, number, term, definition FROM glossary_entries WHERE document_id = ? ORDER BY ordinal`,
    )
    .all(id) as GlossaryEntry[];
  const footnotes = db
    .prepare(
      `SELECT f.passage_id AS passageId, f.offset, f.glossary_id AS glossaryId, f.source
       FROM footnote_refs f JOIN passages p ON p.id = f.passage_id
       WHERE p.document_id = ? ORDER BY p.ordinal, f.offset`,
    )
    .all(id) as FootnoteRef[];
  const measures = db
    .prepare(
      `SELECT id, passage_id AS passageId, kind, title, indicator, value, unit, change, qualifier, period, status
       FROM measures WHERE document_id = ? ORDER BY ordinal`,
    )
    .all(id) as Measure[];
  return { document, sections, passages, glossary, footnotes, measures };
}

/** The 名词解释 entries of several documents, with each document's title (for print appendices). */
export function glossaryOfDocuments(
  db: Db,
  documentIds: readonly string[],
): { term: string; definition: string; source: string }[] {
  const query = db.prepare(
    `SELECT g.term, g.definition, d.title AS source FROM glossary_entries g
     JOIN documents d ON d.id = g.document_id WHERE g.document_id = ? ORDER BY g.ordinal`,
  );
  return [...new Set(documentIds)].flatMap(
    (id) => query.all(id) as { term: string; definition: string; source: string }[],
  );
}

export interface GlossaryReference {
  passageId: string;
  offset: number;
  source: 'marker' | 'mention';
  text: string;
}

/** Where a glossary entry is referred to (footnote markers and mentions), in reading order, with the passage text. */
export function glossaryOccurrences(db: Db, glossaryId: string): GlossaryReference[] {
  return db
    .prepare(
      `SELECT f.passage_id AS passageId, f.offset, f.source, p.text
       FROM footnote_refs f JOIN passages p ON p.id = f.passage_id
       WHERE f.glossary_id = ? ORDER BY p.ordinal, f.offset`,
    )
    .all(glossaryId) as GlossaryReference[];
}
