import type { Migration } from './types';

/**
 * One undo log for every undoable edit (issue 17), in place of annotation_ops (002),
 * passage_link_ops (006) and briefing_ops (007), which held the same thing three ways.
 *
 * A row is one changed object of one user action: its state before and after as JSON (null: did not
 * exist). Rows of one action share `group_id` (the seq of its first row, so groups count up); a
 * history is `(kind, scope)`: annotations per document, links one for the library (scope ''),
 * briefings per briefing. `document_id` / `briefing_id` repeat the scope of the histories that belong
 * to a document or a briefing, so that deleting it takes its history along by cascade (as the old
 * tables' foreign keys did), and undoing a document's deletion, which restores every row that
 * depends on it through foreign keys, brings the history back too.
 *
 * Rows of the three old tables move over in their order, so a library upgraded mid-history keeps
 * every step it could undo or redo.
 */
export const migration010UndoLog: Migration = {
  version: 10,
  name: 'one undo log for annotations, links and briefings',
  up(db) {
    db.exec(`
      CREATE TABLE undo_log (
        seq         INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('annotation', 'link', 'briefing')),
        scope       TEXT NOT NULL,
        group_id    INTEGER NOT NULL,
        action      TEXT NOT NULL,
        object_id   TEXT NOT NULL,
        before      TEXT,
        after       TEXT,
        undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        created_at  TEXT NOT NULL,
        document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        briefing_id TEXT REFERENCES briefings(id) ON DELETE CASCADE,
        CHECK (document_id IS NULL OR document_id = scope),
        CHECK (briefing_id IS NULL OR briefing_id = scope)
      ) STRICT;
      CREATE INDEX undo_log_history ON undo_log(kind, scope, undone, group_id);
      CREATE INDEX undo_log_document ON undo_log(document_id);
      CREATE INDEX undo_log_briefing ON undo_log(briefing_id);

      -- Old group numbers first (each old table counted its own), renumbered below. A row whose
      -- document or briefing is gone (only a write with foreign keys off leaves one) could never
      -- be undone; it stays behind rather than fail the upgrade.
      INSERT INTO undo_log (kind, scope, group_id, action, object_id, before, after, undone, created_at, document_id)
        SELECT 'annotation', document_id, batch, action, annotation_id, before, after, undone, created_at, document_id
        FROM annotation_ops WHERE document_id IN (SELECT id FROM documents) ORDER BY batch, seq;
      INSERT INTO undo_log (kind, scope, group_id, action, object_id, before, after, undone, created_at)
        SELECT 'link', '', batch, action, link_id, before, after, undone, created_at
        FROM passage_link_ops ORDER BY batch, seq;
      INSERT INTO undo_log (kind, scope, group_id, action, object_id, before, after, undone, created_at, briefing_id)
        SELECT 'briefing', briefing_id, seq, action, briefing_id, before, after, undone, created_at, briefing_id
        FROM briefing_ops WHERE briefing_id IN (SELECT id FROM briefings) ORDER BY seq;
      -- Mapped in a table of its own: an UPDATE reading the rows it rewrites would see half of them.
      CREATE TEMP TABLE undo_groups (
        kind TEXT, scope TEXT, old INTEGER, new INTEGER, PRIMARY KEY (kind, scope, old)
      ) WITHOUT ROWID;
      INSERT INTO undo_groups SELECT kind, scope, group_id, min(seq) FROM undo_log GROUP BY kind, scope, group_id;
      UPDATE undo_log SET group_id = (
        SELECT g.new FROM undo_groups g
        WHERE g.kind = undo_log.kind AND g.scope = undo_log.scope AND g.old = undo_log.group_id);
      DROP TABLE undo_groups;

      DROP TABLE annotation_ops;
      DROP TABLE passage_link_ops;
      DROP TABLE briefing_ops;
    `);
  },
};
