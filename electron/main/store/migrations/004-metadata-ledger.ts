import type { Migration } from './types';

/**
 * Document metadata the cross-reference views rest on (region; the user's own values kept apart
 * from what the importer inferred, so an edit survives a replace) and the target ledger: targets
 * and outcomes read once per document with their indicator names normalised, and the user's
 * verdicts, keyed by issuer, indicator and year so that they survive a re-import.
 */
export const migration004MetadataLedger: Migration = {
  version: 4,
  name: 'document region and metadata overrides; target ledger facts and verdict overrides',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN region TEXT;
      UPDATE documents SET region = substr(issuer, 1, length(issuer) - 4)
        WHERE level <> 'national' AND issuer LIKE '%人民政府';

      CREATE TABLE document_meta_overrides (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        field       TEXT NOT NULL CHECK (field IN ('title', 'issuer', 'level', 'region', 'year', 'date')),
        -- JSON of the user's value; inferred: JSON of what the last import read, to go back to.
        value       TEXT NOT NULL,
        inferred    TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (document_id, field)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE ledger_facts (
        id            INTEGER PRIMARY KEY,
        document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        passage_id    TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
        role          TEXT NOT NULL CHECK (role IN ('target', 'outcome')),
        indicator_key TEXT NOT NULL,
        indicator     TEXT NOT NULL,
        year          INTEGER NOT NULL,
        value         REAL NOT NULL,
        unit          TEXT NOT NULL,
        change        TEXT,
        qualifier     TEXT,
        quote         TEXT NOT NULL,
        start_offset  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX ledger_facts_key ON ledger_facts(role, indicator_key, year);
      CREATE INDEX ledger_facts_document ON ledger_facts(document_id);
      CREATE INDEX ledger_facts_passage ON ledger_facts(passage_id);

      -- Which content of a document its facts were read from, and by which reader version.
      CREATE TABLE ledger_indexed (
        document_id  TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,
        reader       INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE ledger_overrides (
        issuer_key    TEXT NOT NULL,
        indicator_key TEXT NOT NULL,
        year          INTEGER NOT NULL,
        verdict       TEXT NOT NULL CHECK (verdict IN ('met', 'missed', 'unclear', 'pending')),
        note          TEXT NOT NULL DEFAULT '',
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (issuer_key, indicator_key, year)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
