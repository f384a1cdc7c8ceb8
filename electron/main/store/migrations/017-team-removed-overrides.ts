import type { Migration } from './types';

/**
 * Metadata corrections removed with their document in a team library (issue 14): each as it stood,
 * in the synced view, as migration 015 keeps annotations. A correction made here before the
 * other member's delete arrived is then still offered to the hub, which keeps it as an orphan
 * until the document comes back.
 */
export const migration017TeamRemovedOverrides: Migration = {
  version: 17,
  name: 'team sync: metadata corrections removed with their document, as they stood',
  up(db) {
    db.exec(`
      CREATE TABLE team_removed_overrides (
        document_id TEXT PRIMARY KEY,
        data TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
