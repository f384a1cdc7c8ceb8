import type { ParsedDocument } from './parsed-document';
import { contentHash, documentIdFromHash } from './content-hash';
import type { Db } from './database';
import type { EditionAlignment, ReplacedPassage } from '../kernel/context';
import { alignEditions } from './edition-alignment';

export interface SourceInfo {
  file: string | null;
  format: string | null;
}

/**
 * Id prefix for the rows of one edition, named by its content: the edition a document's id was
 * made from keeps the short form scripts see first, any other is `<id>-e<hash>`. Every desktop
 * that holds the same edition of a document (a team's, whatever order they replaced in) names its
 * passages alike, so synced annotations and links find them.
 */
const rowPrefix = (docId: string, hash: string) =>
  /^d[0-9a-f]+$/.test(docId) && hash.startsWith(docId.slice(1)) ? docId : `${docId}-e${hash.slice(0, 10)}`;

/**
 * The year a document is filed under: its date's, else the first year its title names
 * (`2020年政府工作报告` carries no date line), read after folding full-width digits.
 */
export function documentYear(meta: { date: string | null; title: string }): number | null {
  if (meta.date) return Number(meta.date.slice(0, 4)) || null;
  const match = /(?<!\d)(1[89]\d\d|20\d\d)年/.exec(meta.title.normalize('NFKC'));
  return match ? Number(match[1]) : null;
}

/** Writes an edition's rows; returns its passages (id and text, in order) as written. */
function insertRows(
  db: Db,
  docId: string,
  hash: string,
  doc: ParsedDocument,
): { id: string; text: string }[] {
  const prefix = rowPrefix(docId, hash);
  const sectionIds = doc.sections.map((_, i) => `${prefix}-s${i + 1}`);
  const passageIds = doc.passages.map((_, i) => `${prefix}-p${i + 1}`);
  const glossaryIds = doc.glossary.map((_, i) => `${prefix}-g${i + 1}`);

  const insertSection = db.prepare(
    `INSERT INTO sections (id, document_id, parent_id, level, label, title, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  doc.sections.forEach((s, i) => {
    const parent = s.parentIndex === null ? null : sectionIds[s.parentIndex];
    insertSection.run(sectionIds[i], docId, parent, s.level, s.label, s.title, i + 1);
  });

  const insertGlossary = db.prepare(
    `INSERT INTO glossary_entries (id, document_id, number, term, definition, ordinal) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  doc.glossary.forEach((g, i) =>
    insertGlossary.run(glossaryIds[i], docId, g.number, g.term, g.definition, i + 1),
  );

  const insertPassage = db.prepare(
    `INSERT INTO passages (id, document_id, section_id, ordinal, lead, text, kind, ocr_confidence, ocr_low)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFootnote = db.prepare(
    `INSERT INTO footnote_refs (passage_id, glossary_id, offset, source) VALUES (?, ?, ?, ?)`,
  );
  doc.passages.forEach((p, i) => {
    const section = p.sectionIndex === null ? null : sectionIds[p.sectionIndex];
    const ocr = p.ocr ? [p.ocr.confidence, JSON.stringify(p.ocr.low)] : [null, null];
    insertPassage.run(passageIds[i], docId, section, i + 1, p.lead, p.text, p.kind, ...ocr);
    for (const f of p.footnotes) {
      const glossaryId = glossaryIds[f.glossaryIndex];
      if (glossaryId === undefined)
        throw new Error(`footnote in passage ${i + 1} names glossary entry ${f.glossaryIndex}`);
      insertFootnote.run(passageIds[i], glossaryId, f.offset, f.source);
    }
  });

  const insertMeasure = db.prepare(
    `INSERT INTO measures (id, document_id, passage_id, ordinal, kind, title, indicator, value, unit, change, qualifier, period, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  doc.measures.forEach((m, i) => {
    const passageId = passageIds[m.passageIndex];
    if (passageId === undefined) throw new Error(`measure ${i + 1} names passage ${m.passageIndex}`);
    insertMeasure.run(
      `${prefix}-m${i + 1}`,
      docId,
      passageId,
      i + 1,
      m.kind,
      m.title,
      m.indicator,
      m.value,
      m.unit,
      m.change,
      m.qualifier,
      m.period,
      m.status,
    );
  });
  db.prepare(
    `UPDATE documents SET passage_count = ?, glossary_count = ?, measure_count = ? WHERE id = ?`,
  ).run(doc.passages.length, doc.glossary.length, doc.measures.length, docId);
  return doc.passages.map((p, i) => ({ id: passageIds[i]!, text: p.text }));
}

export function findDocumentByHash(db: Db, hash: string): { id: string; title: string } | undefined {
  return db.prepare(`SELECT id, title FROM documents WHERE content_hash = ?`).get(hash) as
    { id: string; title: string } | undefined;
}

/** The documents-row values a parsed edition sets, as named parameters for both insert and replace. */
function documentRow(doc: ParsedDocument, source: SourceInfo, hash: string, edition: number, now: Date) {
  const { title, issuer, date, level, indexNumber, speaker, meeting } = doc.meta;
  return {
    title,
    issuer,
    date,
    year: doc.meta.year ?? documentYear(doc.meta),
    region: doc.meta.region ?? null,
    level,
    indexNumber,
    speaker,
    meeting,
    sourceFile: source.file,
    sourceFormat: source.format,
    hash,
    edition,
    importedAt: now.toISOString(),
  };
}

/**
 * Inserts a new document in one transaction and returns its id. `asId` keeps an id the document
 * already has elsewhere (a team's document whose later edition is imported here first).
 */
export function insertDocument(
  db: Db,
  doc: ParsedDocument,
  source: SourceInfo,
  now = new Date(),
  asId?: string,
): string {
  const hash = contentHash(doc);
  let id = asId ?? documentIdFromHash(hash);
  if (asId && db.prepare(`SELECT 1 FROM documents WHERE id = ?`).get(asId))
    throw new Error(`document ${asId} exists`);
  // Two different contents sharing 40 bits of hash: lengthen rather than collide.
  for (let n = 12; db.prepare(`SELECT 1 FROM documents WHERE id = ?`).get(id); n += 2)
    id = `d${hash.slice(0, n)}`;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO documents (id, title, issuer, date, year, level, region, index_number, speaker, meeting,
         source_file, source_format, content_hash, edition, imported_at)
       VALUES (@id, @title, @issuer, @date, @year, @level, @region, @indexNumber, @speaker, @meeting,
         @sourceFile, @sourceFormat, @hash, @edition, @importedAt)`,
    ).run({ id, ...documentRow(doc, source, hash, 1, now) });
    insertRows(db, id, hash, doc);
  })();
  return id;
}

export type { EditionAlignment, ReplacedPassage };

/**
 * Replaces a document's content by a revised edition, keeping its id. The previous and the new
 * passages are aligned once, here, and handed to `withinTransaction` (the replace hooks:
 * annotation, link and excerpt re-anchoring), which runs inside the same transaction while the
 * old rows still exist.
 */
/** An edition's own rows, children before parents. */
const ROW_TABLES = ['measures', 'glossary_entries', 'passages', 'sections'] as const;

export function replaceDocument(
  db: Db,
  docId: string,
  doc: ParsedDocument,
  source: SourceInfo,
  withinTransaction?: (alignment: EditionAlignment) => void,
  now = new Date(),
): { edition: number } {
  let edition = 0;
  db.transaction(() => {
    const current = db.prepare(`SELECT edition, content_hash AS hash FROM documents WHERE id = ?`).get(docId) as
      { edition: number; hash: string } | undefined;
    if (!current) throw new Error(`no document ${docId}`);
    const hash = contentHash(doc);
    if (hash === current.hash) {
      // The same edition again (another copy of its file): nothing to re-anchor, only where it came from.
      edition = current.edition;
      db.prepare(`UPDATE documents SET source_file = ?, source_format = ? WHERE id = ?`).run(
        source.file,
        source.format,
        docId,
      );
      return;
    }
    edition = current.edition + 1;
    const previous = db
      .prepare(`SELECT id, ordinal, text FROM passages WHERE document_id = ? ORDER BY ordinal`)
      .all(docId) as ReplacedPassage[];
    const row = documentRow(doc, source, hash, edition, now);
    db.prepare(
      `UPDATE documents SET title = @title, issuer = @issuer, date = @date, year = @year, level = @level, region = @region,
         index_number = @indexNumber, speaker = @speaker, meeting = @meeting, source_file = @sourceFile,
         source_format = @sourceFormat, content_hash = @hash, edition = @edition, imported_at = @importedAt
       WHERE id = @id`,
    ).run({ id: docId, ...row });
    const lastRows = ROW_TABLES.map(
      (table) =>
        [table, db.prepare(`SELECT max(rowid) FROM ${table} WHERE document_id = ?`).pluck().get(docId)] as const,
    ).filter(([, last]) => last !== null);
    const next = insertRows(db, docId, hash, doc);
    withinTransaction?.(alignEditions(previous, next, { hash: row.hash, number: edition, importedAt: row.importedAt }));
    // Old rows go last so that listeners can still read them above; children before parents. They
    // are told apart by rowid (the new ones were inserted after them), not by id: the edition the id
    // was made from has the short form, a prefix of every other edition's.
    for (const [table, last] of lastRows)
      db.prepare(`DELETE FROM ${table} WHERE document_id = ? AND rowid <= ?`).run(docId, last);
  })();
  return { edition };
}

export function deleteDocument(db: Db, docId: string): boolean {
  return db.prepare(`DELETE FROM documents WHERE id = ?`).run(docId).changes > 0;
}
