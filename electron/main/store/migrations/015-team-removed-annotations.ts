import type { Migration } from './types';

/**
 * Team annotations removed with their document (issue 14, a document deleted and imported again):
 * each copy as it stood, in the synced view (team/local-read.ts). The hub keeps a deleted
 * document's annotations as orphans, so what the hub has not seen of them is still offered to it
 * from here, and the copy stands for the annotation until the document comes back.
 */
export const migration015TeamRemovedAnnotations: Migration = {
  version: 15,
  name: 'team sync: annotations removed with their document, as they stood',
  up(db) {
    db.exec(`
      CREATE TABLE team_removed_annotations (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
