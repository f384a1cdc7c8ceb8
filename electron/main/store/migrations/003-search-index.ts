import type { Migration } from './types';

/**
 * Full-text search segments. Each segment is one blob (see electron/main/search/segment-codec.ts)
 * built from a batch of documents; `search_segment_docs` says which content of which document it
 * indexed. That table has no foreign key to `documents` on purpose: a row naming a deleted or
 * replaced document is how its units are known to be dead until a merge drops them.
 */
export const migration003SearchIndex: Migration = {
  version: 3,
  name: 'search index: persisted segments and the document contents they cover',
  up(db) {
    db.exec(`
      CREATE TABLE search_segments (
        id         INTEGER PRIMARY KEY,
        format     INTEGER NOT NULL,
        -- The searchable kinds the segment was built with; a different set means a rebuild.
        kinds      TEXT NOT NULL,
        created_at TEXT NOT NULL,
        units      INTEGER NOT NULL,
        bytes      INTEGER NOT NULL,
        data       BLOB NOT NULL
      ) STRICT;

      CREATE TABLE search_segment_docs (
        segment_id   INTEGER NOT NULL REFERENCES search_segments(id) ON DELETE CASCADE,
        document_id  TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        PRIMARY KEY (segment_id, document_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX search_segment_docs_document ON search_segment_docs(document_id, content_hash);
    `);
  },
};
