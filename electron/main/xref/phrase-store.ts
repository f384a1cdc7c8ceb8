import type { Db } from '../store/database';
import { statement } from '../store/statements';
import { keyPhrases } from './key-phrases';

/**
 * SQL of the key-phrase index (tables xref_docs, xref_phrases, xref_df, xref_passages): a
 * document's phrases in, a document's phrases out, and the reads related-passage ranking needs.
 */

export interface DocVersion {
  id: string;
  hash: string;
}

/** Documents of the library, and the versions the index was built from. */
export function indexState(db: Db): { library: DocVersion[]; indexed: Map<string, string> } {
  const library = statement(
    db,
    `SELECT id, content_hash AS hash FROM documents ORDER BY id`,
  ).all() as DocVersion[];
  const indexed = new Map(
    (
      statement(db, `SELECT document_id AS id, content_hash AS hash FROM xref_docs`).all() as DocVersion[]
    ).map((r) => [r.id, r.hash]),
  );
  return { library, indexed };
}

/** Key phrases kept per passage: enough to find its neighbours, few enough to keep the index small. */
export const KEPT_PHRASES = 32;

/** Takes one document out of the index, its share of every phrase's DF included. */
export function removeDocumentPhrases(db: Db, docId: string): void {
  const counts = statement(db, `SELECT phrase_counts FROM xref_docs WHERE document_id = ?`)
    .pluck()
    .get(docId) as string | undefined;
  const lower = statement(db, `UPDATE xref_df SET df = df - ? WHERE phrase = ? RETURNING df`).pluck();
  const drop = statement(db, `DELETE FROM xref_df WHERE phrase = ?`);
  for (const [phrase, n] of Object.entries(counts ? (JSON.parse(counts) as Record<string, number>) : {}))
    if (((lower.get(n, phrase) as number | undefined) ?? 0) <= 0) drop.run(phrase);
  statement(
    db,
    `DELETE FROM xref_phrases WHERE passage_id IN (SELECT passage_id FROM xref_passages WHERE document_id = ?)`,
  ).run(docId);
  statement(db, `DELETE FROM xref_passages WHERE document_id = ?`).run(docId);
  statement(db, `DELETE FROM xref_docs WHERE document_id = ?`).run(docId);
}

/**
 * Indexes one document's passages as they are now; returns the characters read. Every phrase
 * counts towards DF; each passage keeps only its KEPT_PHRASES most distinctive ones (tf × IDF,
 * with this document already counted), which is what related-passage ranking reads.
 */
export function addDocumentPhrases(db: Db, docId: string, hash: string): number {
  const passages = statement(db, `SELECT id, text FROM passages WHERE document_id = ? ORDER BY ordinal`).all(
    docId,
  ) as { id: string; text: string }[];
  const phrasesOf = passages.map((p) => keyPhrases(p.text));
  const perDocument = new Map<string, number>();
  for (const phrases of phrasesOf)
    for (const phrase of phrases.keys()) perDocument.set(phrase, (perDocument.get(phrase) ?? 0) + 1);
  const df = statement(
    db,
    `INSERT INTO xref_df (phrase, df) VALUES (?, ?) ON CONFLICT(phrase) DO UPDATE SET df = df + ? RETURNING df`,
  ).pluck();
  const dfNow = new Map<string, number>();
  for (const [phrase, n] of perDocument) dfNow.set(phrase, df.get(phrase, n, n) as number);
  const total =
    (statement(db, `SELECT count(*) FROM xref_passages`).pluck().get() as number) + passages.length;
  const insert = statement(
    db,
    `INSERT INTO xref_phrases (phrase, passage_id, document_id, tf) VALUES (?, ?, ?, ?)`,
  );
  const passage = statement(
    db,
    `INSERT INTO xref_passages (passage_id, document_id, phrases) VALUES (?, ?, ?)`,
  );
  let chars = 0;
  passages.forEach((p, i) => {
    const phrases = phrasesOf[i]!;
    chars += p.text.length;
    const weight = (phrase: string, tf: number) => Math.min(tf, 3) * Math.log(1 + total / dfNow.get(phrase)!);
    const kept = [...phrases]
      .sort((a, b) => weight(b[0], b[1]) - weight(a[0], a[1]) || (a[0] < b[0] ? -1 : 1))
      .slice(0, KEPT_PHRASES);
    for (const [phrase, tf] of kept) insert.run(phrase, p.id, docId, tf);
    passage.run(p.id, docId, phrases.size);
  });
  statement(db, `INSERT INTO xref_docs (document_id, content_hash, phrase_counts) VALUES (?, ?, ?)`).run(
    docId,
    hash,
    JSON.stringify(Object.fromEntries(perDocument)),
  );
  return chars;
}

export interface PassagePhrase {
  phrase: string;
  tf: number;
  df: number;
}

export function passagePhrases(db: Db, passageId: string): PassagePhrase[] {
  return statement(
    db,
    `SELECT p.phrase, p.tf, d.df FROM xref_phrases p JOIN xref_df d ON d.phrase = p.phrase WHERE p.passage_id = ?`,
  ).all(passageId) as PassagePhrase[];
}

export interface Posting {
  passageId: string;
  docId: string;
  tf: number;
}

/** Passages outside one document that contain a phrase, at most `limit` of them. */
export function postingsOutside(db: Db, phrase: string, docId: string, limit: number): Posting[] {
  return statement(
    db,
    `SELECT passage_id AS passageId, document_id AS docId, tf FROM xref_phrases
     WHERE phrase = ? AND document_id <> ? LIMIT ?`,
  ).all(phrase, docId, limit) as Posting[];
}

export function indexTotals(db: Db): { passages: number; averagePhrases: number } {
  const row = statement(
    db,
    `SELECT count(*) AS n, coalesce(avg(phrases), 0) AS avg FROM xref_passages`,
  ).get() as {
    n: number;
    avg: number;
  };
  return { passages: row.n, averagePhrases: row.avg || 1 };
}

export function phraseCounts(db: Db, passageIds: readonly string[]): Map<string, number> {
  const get = statement(db, `SELECT phrases FROM xref_passages WHERE passage_id = ?`).pluck();
  return new Map(passageIds.map((id) => [id, (get.get(id) as number | undefined) ?? 1]));
}
