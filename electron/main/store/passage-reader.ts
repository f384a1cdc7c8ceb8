import type { Db } from './database';
import { statement } from './statements';

/**
 * Lookups of stored passages by id or by document: what the domains ask of the passages table
 * (anchoring, links, excerpts, term views). The passages table is queried here and in the other
 * store/ modules only (test/unit/core/no-hidden-wiring.test.ts keeps it so).
 */

export interface StoredPassage {
  id: string;
  documentId: string;
  text: string;
}

/** A passage with its document and the edition (content hash) it belongs to: what an anchor is checked against. */
export interface PassageEdition extends StoredPassage {
  lead: string | null;
  editionHash: string;
}

export function passageWithEdition(db: Db, passageId: string): PassageEdition | undefined {
  return statement(
    db,
    `SELECT p.id, p.document_id AS documentId, p.text, p.lead, d.content_hash AS editionHash
     FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?`,
  ).get(passageId) as PassageEdition | undefined;
}

export function storedPassage(db: Db, passageId: string): StoredPassage | undefined {
  return statement(db, `SELECT id, document_id AS documentId, text FROM passages WHERE id = ?`).get(
    passageId,
  ) as StoredPassage | undefined;
}

export function passageText(db: Db, passageId: string): string | undefined {
  return statement(db, `SELECT text FROM passages WHERE id = ?`).pluck().get(passageId) as string | undefined;
}

/** The texts of several passages in one statement, by id (unknown ids are absent). */
export function passageTexts(db: Db, passageIds: readonly string[]): Map<string, string> {
  const rows = statement(
    db,
    `SELECT id, text FROM passages WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(passageIds)) as { id: string; text: string }[];
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** A document's passages (id and text) in reading order. */
export function passagesOfDocument(db: Db, documentId: string): { id: string; text: string }[] {
  return statement(db, `SELECT id, text FROM passages WHERE document_id = ? ORDER BY ordinal`).all(
    documentId,
  ) as { id: string; text: string }[];
}

/** The first passage of a document whose text starts with `start`, by id. */
export function passageStartingWith(db: Db, documentId: string, start: string): string | undefined {
  return statement(db, `SELECT id FROM passages WHERE document_id = ? AND substr(text, 1, ?) = ? LIMIT 1`)
    .pluck()
    .get(documentId, start.length, start) as string | undefined;
}

/** Where passages stand in their document: reading order and section (text order of what points at them). */
export interface PassagePlace {
  ordinal: number;
  sectionId: string | null;
}

export function passagePlaces(db: Db, passageIds: readonly string[]): Map<string, PassagePlace> {
  const out = new Map<string, PassagePlace>();
  if (!passageIds.length) return out;
  const rows = statement(
    db,
    `SELECT id, ordinal, section_id AS sectionId FROM passages WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(passageIds)])) as (PassagePlace & { id: string })[];
  for (const { id, ...place } of rows) out.set(id, place);
  return out;
}

/** A passage as a cross-reference shows it: its document's title and year and its opening characters. */
export interface PassageHeading {
  id: string;
  docId: string;
  excerpt: string;
  docTitle: string;
  year: number | null;
}

export function passageHeading(db: Db, passageId: string, excerptChars: number): PassageHeading | undefined {
  return statement(
    db,
    `SELECT p.id, p.document_id AS docId, substr(p.text, 1, ?) AS excerpt, d.title AS docTitle, d.year
     FROM passages p JOIN documents d ON d.id = p.document_id WHERE p.id = ?`,
  ).get(excerptChars, passageId) as PassageHeading | undefined;
}

/** Characters of a document's passage text: what a segment build of it weighs. */
export function documentTextLength(db: Db, documentId: string): number {
  return statement(db, `SELECT coalesce(sum(length(text)), 0) FROM passages WHERE document_id = ?`)
    .pluck()
    .get(documentId) as number;
}
