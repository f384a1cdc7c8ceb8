import type { Migration } from './types';

/**
 * Cross-references. The key-phrase index (xref_phrases, xref_df, xref_docs) is derived data, rebuilt
 * from the passages whenever a document's content hash differs from the one it was built from; no
 * foreign keys, so that the indexer itself takes a gone document's phrases out of xref_df.
 * User links (passage_links) are the user's own data: a link outlives its passages (status
 * 'orphaned', with the passage text it pointed at kept so a later edition can take it back).
 */
export const migration006Xref: Migration = {
  version: 6,
  name: 'cross-references: key-phrase index, passage links and their undo log',
  up(db) {
    db.exec(`
      -- phrase_counts: JSON {phrase: passages of the document containing it}, what the document
      -- added to xref_df, so that taking it out later subtracts exactly that.
      CREATE TABLE xref_docs (
        document_id   TEXT PRIMARY KEY,
        content_hash  TEXT NOT NULL,
        phrase_counts TEXT NOT NULL
      ) STRICT;

      -- A passage's key phrases only (the most distinctive few, see xref/phrase-store.ts), with
      -- the phrase's count in the passage: the inverted index related passages are found through.
      CREATE TABLE xref_phrases (
        phrase      TEXT NOT NULL,
        passage_id  TEXT NOT NULL,
        document_id TEXT NOT NULL,
        tf          INTEGER NOT NULL,
        PRIMARY KEY (phrase, passage_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX xref_phrases_passage ON xref_phrases(passage_id);

      -- Passages per phrase across the library (the IDF), kept by the indexer as documents come and go.
      CREATE TABLE xref_df (
        phrase TEXT PRIMARY KEY,
        df     INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- Distinct phrases per passage (length normalisation).
      CREATE TABLE xref_passages (
        passage_id  TEXT PRIMARY KEY,
        document_id TEXT NOT NULL,
        phrases     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX xref_passages_document ON xref_passages(document_id);

      CREATE TABLE passage_links (
        id            TEXT PRIMARY KEY,
        from_passage  TEXT REFERENCES passages(id) ON DELETE SET NULL,
        to_passage    TEXT REFERENCES passages(id) ON DELETE SET NULL,
        from_document TEXT NOT NULL,
        to_document   TEXT NOT NULL,
        from_text     TEXT NOT NULL,
        to_text       TEXT NOT NULL,
        note          TEXT NOT NULL DEFAULT '',
        author        TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX passage_links_from ON passage_links(from_passage);
      CREATE INDEX passage_links_to ON passage_links(to_passage);

      CREATE TABLE passage_link_ops (
        seq        INTEGER PRIMARY KEY,
        batch      INTEGER NOT NULL,
        action     TEXT NOT NULL,
        link_id    TEXT NOT NULL,
        before     TEXT,
        after      TEXT,
        undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX passage_link_ops_batch ON passage_link_ops(undone, batch);
    `);
  },
};
