import type { Db } from './database';
import { statement } from './statements';

/**
 * Lookups of document rows (ids, titles, editions) for the domains: the documents table is
 * queried here and in the other store/ modules only (test/unit/core/no-hidden-wiring.test.ts).
 */

/** What lists, search hits and term views show of a document, with the edition it holds. */
export interface DocumentHeading {
  id: string;
  hash: string;
  title: string;
  issuer: string | null;
  year: number | null;
}

/** Every document's heading, in no particular order (callers key them by id). */
export function documentHeadings(db: Db): DocumentHeading[] {
  return statement(
    db,
    `SELECT id, content_hash AS hash, title, issuer, year FROM documents`,
  ).all() as DocumentHeading[];
}

export function documentHeading(db: Db, documentId: string): DocumentHeading | undefined {
  return statement(
    db,
    `SELECT id, content_hash AS hash, title, issuer, year FROM documents WHERE id = ?`,
  ).get(documentId) as DocumentHeading | undefined;
}

/** The headings of the given documents, by id (unknown ids are absent), in one statement. */
export function documentHeadingsOf(db: Db, documentIds: readonly string[]): Map<string, DocumentHeading> {
  const rows = statement(
    db,
    `SELECT id, content_hash AS hash, title, issuer, year FROM documents WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(documentIds)])) as DocumentHeading[];
  return new Map(rows.map((d) => [d.id, d]));
}

/** Every document id, sorted by id. */
export function documentIds(db: Db): string[] {
  return statement(db, `SELECT id FROM documents ORDER BY id`).pluck().all() as string[];
}

/** Every document id in the order the documents were imported (a team's first push sends them so). */
export function documentIdsInImportOrder(db: Db): string[] {
  return statement(db, `SELECT id FROM documents ORDER BY imported_at, id`).pluck().all() as string[];
}

export function documentCount(db: Db): number {
  return statement(db, `SELECT count(*) FROM documents`).pluck().get() as number;
}

/**
 * Counters that move whenever the documents table may have changed: data_version when another
 * connection commits, total_changes when this one writes. While neither moves, it is as last read.
 */
export function changeCounters(db: Db): { dataVersion: number; version: string } {
  // A kept statement: db.pragma prepares one per call, and search refreshes these at every query.
  const dataVersion = statement(db, 'PRAGMA data_version').pluck().get() as number;
  return { dataVersion, version: `${dataVersion}:${statement(db, 'SELECT total_changes()').pluck().get()}` };
}

/** The content hashes of every document in id order, joined: changes whenever any document does. */
export function libraryContentKey(db: Db): string {
  return (
    (statement(db, `SELECT group_concat(content_hash) FROM (SELECT content_hash FROM documents ORDER BY id)`)
      .pluck()
      .get() as string | null) ?? ''
  );
}

/**
 * Documents whose present edition no persisted search segment covers (a lookup in
 * search_segment_docs' index per document): what search still has to index.
 */
export const UNINDEXED_SQL = `SELECT d.id FROM documents d
  WHERE NOT EXISTS (SELECT 1 FROM search_segment_docs s WHERE s.document_id = d.id AND s.content_hash = d.content_hash)`;

/** How many documents no persisted segment covers, without loading any segment. */
export function unindexedCount(db: Db): number {
  return statement(db, `SELECT count(*) FROM (${UNINDEXED_SQL})`).pluck().get() as number;
}

/** A document's edition: content hash, edition number (1 until replaced) and when it was imported. */
export interface DocumentEdition {
  id: string;
  hash: string;
  edition: number;
  importedAt: string;
}

const EDITION = `SELECT id, content_hash AS hash, edition, imported_at AS importedAt FROM documents`;

export function documentEdition(db: Db, documentId: string): DocumentEdition | undefined {
  return statement(db, `${EDITION} WHERE id = ?`).get(documentId) as DocumentEdition | undefined;
}

export function documentEditionByHash(db: Db, contentHash: string): DocumentEdition | undefined {
  return statement(db, `${EDITION} WHERE content_hash = ?`).get(contentHash) as DocumentEdition | undefined;
}

/** A document's id, title and the file it was imported from. */
export function documentSource(
  db: Db,
  documentId: string,
): { id: string; title: string; sourceFile: string | null; hash: string } | undefined {
  return statement(
    db,
    `SELECT id, title, source_file AS sourceFile, content_hash AS hash FROM documents WHERE id = ?`,
  ).get(documentId) as { id: string; title: string; sourceFile: string | null; hash: string } | undefined;
}

/** Documents (one or all) with their titles, newest year first, then by title: an export's order. */
export function documentTitlesByYear(db: Db, documentId?: string): { id: string; title: string }[] {
  return statement(
    db,
    `SELECT id, title FROM documents ${documentId ? 'WHERE id = ?' : ''} ORDER BY year DESC, title`,
  ).all(...(documentId ? [documentId] : [])) as { id: string; title: string }[];
}

/** Which issuers have a document for which year. */
export function issuerYears(db: Db): { issuer: string | null; year: number | null }[] {
  return statement(db, `SELECT DISTINCT issuer, year FROM documents`).all() as {
    issuer: string | null;
    year: number | null;
  }[];
}
