import type { Migration } from './types';

/**
 * A new edition of a document syncs (issue 14): a replace rewrites the document's row in place
 * (same id, new content hash), which 008's capture (insert and delete only, so that an edit of
 * a title or a year is not taken for a new file) did not see. Only a change of the content hash
 * is captured, in the same way as 008's triggers.
 */
export const migration012TeamEditions: Migration = {
  version: 12,
  name: 'team sync: a replaced document is captured',
  up(db) {
    db.exec(`
      CREATE TRIGGER team_capture_documents_edition
        AFTER UPDATE OF content_hash ON documents
        WHEN (SELECT capture FROM team_flags WHERE id = 1) = 1 AND OLD.content_hash IS NOT NEW.content_hash
        BEGIN
          DELETE FROM team_outbox WHERE kind = 'document' AND object_id = NEW.id;
          INSERT INTO team_outbox (kind, object_id) VALUES ('document', NEW.id);
        END;
    `);
  },
};
