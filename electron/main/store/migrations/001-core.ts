import type { Migration } from './types';

/** Documents and everything the importer derives from them. Child rows go with their document. */
export const migration001Core: Migration = {
  version: 1,
  name: 'core library: documents, sections, passages, glossary, footnotes, measures',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id            TEXT PRIMARY KEY,
        title         TEXT NOT NULL,
        issuer        TEXT,
        date          TEXT,
        year          INTEGER,
        level         TEXT NOT NULL DEFAULT 'unknown',
        index_number  TEXT,
        speaker       TEXT,
        meeting       TEXT,
        source_file   TEXT,
        source_format TEXT,
        content_hash  TEXT NOT NULL,
        edition       INTEGER NOT NULL DEFAULT 1,
        imported_at   TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX documents_content_hash ON documents(content_hash);
      CREATE INDEX documents_year ON documents(year);

      CREATE TABLE sections (
        id          TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        parent_id   TEXT REFERENCES sections(id) ON DELETE CASCADE,
        level       INTEGER NOT NULL,
        label       TEXT NOT NULL,
        title       TEXT NOT NULL,
        ordinal     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sections_document ON sections(document_id, ordinal);
      CREATE INDEX sections_parent ON sections(parent_id);

      CREATE TABLE passages (
        id          TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        section_id  TEXT REFERENCES sections(id) ON DELETE SET NULL,
        ordinal     INTEGER NOT NULL,
        lead        TEXT,
        text        TEXT NOT NULL,
        kind        TEXT NOT NULL DEFAULT 'body' CHECK (kind IN ('body', 'appendix'))
      ) STRICT;
      CREATE INDEX passages_document_ordinal ON passages(document_id, ordinal);
      CREATE INDEX passages_section ON passages(section_id);

      CREATE TABLE glossary_entries (
        id          TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        number      INTEGER,
        term        TEXT NOT NULL,
        definition  TEXT NOT NULL,
        ordinal     INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX glossary_document ON glossary_entries(document_id, ordinal);
      CREATE INDEX glossary_term ON glossary_entries(term);

      CREATE TABLE footnote_refs (
        id          INTEGER PRIMARY KEY,
        passage_id  TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        glossary_id TEXT NOT NULL REFERENCES glossary_entries(id) ON DELETE CASCADE,
        offset      INTEGER NOT NULL CHECK (offset >= 0),
        source      TEXT NOT NULL CHECK (source IN ('marker', 'mention'))
      ) STRICT;
      CREATE INDEX footnote_refs_passage ON footnote_refs(passage_id, offset);
      CREATE INDEX footnote_refs_glossary ON footnote_refs(glossary_id);

      CREATE TABLE measures (
        id          TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        passage_id  TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        ordinal     INTEGER NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('task', 'indicator')),
        title       TEXT NOT NULL,
        indicator   TEXT,
        value       REAL,
        unit        TEXT,
        change      TEXT,
        qualifier   TEXT,
        period      TEXT,
        status      TEXT CHECK (status IS NULL OR status IN ('actual', 'target'))
      ) STRICT;
      CREATE INDEX measures_document ON measures(document_id, ordinal);
      CREATE INDEX measures_passage ON measures(passage_id);
      CREATE INDEX measures_indicator ON measures(indicator);

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
