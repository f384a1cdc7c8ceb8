import type { Migration } from './types';

/**
 * Annotations of deleted documents, kept when the user chose to keep them as orphans: one row per
 * deletion holding the W3C JSON-LD export of that document's annotations (what
 * `yandu annotations import` reads), so nothing the user wrote is lost with the document.
 */
export const migration005DetachedAnnotations: Migration = {
  version: 5,
  name: 'annotations kept from deleted documents',
  up(db) {
    db.exec(`
      CREATE TABLE detached_annotations (
        id          INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL,
        title       TEXT NOT NULL,
        deleted_at  TEXT NOT NULL,
        count       INTEGER NOT NULL CHECK (count > 0),
        w3c         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX detached_annotations_document ON detached_annotations(document_id);
    `);
  },
};
