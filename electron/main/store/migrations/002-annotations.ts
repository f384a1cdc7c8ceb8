import type { Migration } from './types';

/**
 * Annotations with their selectors, colour labels, tags, the undo log, pending merge conflicts and
 * the drift reports of re-anchoring. Annotations go with their document; an annotation whose
 * passage disappears without the re-anchoring hook is orphaned by a trigger, never deleted.
 */
export const migration002Annotations: Migration = {
  // Planned third, after the search index; numbered by its place in the list, which must run 1..n.
  version: 2,
  name: 'annotations: selectors, colours, tags, undo log, conflicts, drift reports',
  up(db) {
    db.exec(`
      CREATE TABLE annotation_colors (
        color   TEXT PRIMARY KEY CHECK (color IN ('yellow', 'red', 'green', 'blue', 'purple', 'grey')),
        label   TEXT NOT NULL,
        ordinal INTEGER NOT NULL
      ) STRICT;
      INSERT INTO annotation_colors (color, label, ordinal) VALUES
        ('yellow', '重点', 1), ('red', '量化目标', 2), ('green', '涉及本部门', 3),
        ('blue', '新提法', 4), ('purple', '待研究', 5), ('grey', '存疑', 6);

      CREATE TABLE annotations (
        id           TEXT PRIMARY KEY,
        document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        passage_id   TEXT REFERENCES passages(id) ON DELETE SET NULL,
        start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
        end_offset   INTEGER NOT NULL CHECK (end_offset > start_offset),
        exact        TEXT NOT NULL,
        prefix       TEXT NOT NULL,
        suffix       TEXT NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('highlight', 'underline', 'note')),
        color        TEXT NOT NULL REFERENCES annotation_colors(color),
        note         TEXT NOT NULL DEFAULT '',
        author       TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('anchored', 'orphaned')),
        edition_hash TEXT NOT NULL,
        -- JSON array of content hashes this annotation has passed through (merge: who is ahead).
        history      TEXT NOT NULL DEFAULT '[]',
        CHECK ((status = 'anchored') = (passage_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX annotations_document ON annotations(document_id, status);
      CREATE INDEX annotations_passage ON annotations(passage_id, start_offset);

      -- Safety net: a passage deleted outside the re-anchoring hook orphans its annotations.
      CREATE TRIGGER annotations_orphan_on_passage_delete BEFORE DELETE ON passages
      BEGIN
        UPDATE annotations SET status = 'orphaned', passage_id = NULL WHERE passage_id = OLD.id;
      END;

      CREATE TABLE tags (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
      ) STRICT;
      CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id, annotation_id);

      -- Undo log: one row per changed annotation, grouped into user actions (batch), per document.
      CREATE TABLE annotation_ops (
        seq           INTEGER PRIMARY KEY,
        document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        batch         INTEGER NOT NULL,
        action        TEXT NOT NULL,
        annotation_id TEXT NOT NULL,
        before        TEXT,
        after         TEXT,
        undone        INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX annotation_ops_document ON annotation_ops(document_id, undone, batch);

      CREATE TABLE annotation_conflicts (
        annotation_id TEXT PRIMARY KEY REFERENCES annotations(id) ON DELETE CASCADE,
        incoming      TEXT NOT NULL,
        received_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE annotation_drift (
        id              INTEGER PRIMARY KEY,
        document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        edition         INTEGER NOT NULL,
        replaced_at     TEXT NOT NULL,
        annotation_id   TEXT NOT NULL,
        outcome         TEXT NOT NULL CHECK (outcome IN ('exact', 'moved', 'fuzzy', 'orphaned')),
        before_json     TEXT NOT NULL,
        after_json      TEXT
      ) STRICT;
      CREATE INDEX annotation_drift_document ON annotation_drift(document_id, edition);
    `);
  },
};
