import type { Migration } from './types';

/**
 * Briefings: an ordered outline of headings, commentary and excerpts, with an undo log. An excerpt
 * points at its passage like an annotation (position + quote with context + edition hash) but has
 * no foreign key on its document: when the document goes, the excerpt stays, orphaned, with its
 * quote and citation.
 */
export const migration007Briefings: Migration = {
  version: 7,
  name: 'briefings: outline items, excerpt anchors, undo log',
  up(db) {
    db.exec(`
      CREATE TABLE briefings (
        id         TEXT PRIMARY KEY,
        title      TEXT NOT NULL,
        audience   TEXT NOT NULL DEFAULT '',
        date       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE briefing_items (
        id           TEXT PRIMARY KEY,
        briefing_id  TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
        ordinal      INTEGER NOT NULL,
        kind         TEXT NOT NULL CHECK (kind IN ('heading', 'excerpt', 'note')),
        level        INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 3),
        text         TEXT NOT NULL,
        document_id  TEXT,
        passage_id   TEXT,
        start_offset INTEGER,
        end_offset   INTEGER,
        exact        TEXT,
        prefix       TEXT,
        suffix       TEXT,
        edition_hash TEXT,
        citation     TEXT NOT NULL DEFAULT '',
        status       TEXT CHECK (status IN ('ok', 'drifted', 'orphaned')),
        -- JSON marks as last seen while anchored: what an orphaned excerpt still shows.
        marks        TEXT NOT NULL DEFAULT '[]',
        CHECK ((kind = 'excerpt') = (status IS NOT NULL)),
        CHECK (status IS NOT 'orphaned' OR passage_id IS NULL)
      ) STRICT;
      CREATE INDEX briefing_items_order ON briefing_items(briefing_id, ordinal);
      CREATE INDEX briefing_items_document ON briefing_items(document_id);
      CREATE INDEX briefing_items_passage ON briefing_items(passage_id);

      -- Safety net: a passage deleted outside the hooks orphans the excerpts on it, never loses them.
      CREATE TRIGGER briefing_items_orphan_on_passage_delete BEFORE DELETE ON passages
      BEGIN
        UPDATE briefing_items SET status = 'orphaned', passage_id = NULL WHERE passage_id = OLD.id;
      END;

      -- Undo log: the whole briefing before and after each user action (briefings are small, capped).
      CREATE TABLE briefing_ops (
        seq         INTEGER PRIMARY KEY,
        briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
        action      TEXT NOT NULL,
        before      TEXT NOT NULL,
        after       TEXT NOT NULL,
        undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX briefing_ops_briefing ON briefing_ops(briefing_id, undone, seq);
    `);
  },
};
