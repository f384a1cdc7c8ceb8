import type { Migration } from './types';

/**
 * Where each passage of a replaced edition went (issue 14): a link or an annotation pushed on an
 * edition this desktop replaced already (its author's desktop had not taken the new edition yet,
 * or never will) is moved on arrival to the passage that "is" its passage in the edition held
 * here, as the replace itself would have done. new_id NULL: the passage has no counterpart.
 */
export const migration014TeamPassageMoves: Migration = {
  version: 14,
  name: 'team sync: where the passages of a replaced edition went',
  up(db) {
    db.exec(`
      CREATE TABLE team_passage_moves (
        old_id TEXT PRIMARY KEY,
        new_id TEXT
      ) WITHOUT ROWID;
      CREATE INDEX team_passage_moves_new ON team_passage_moves(new_id);
    `);
  },
};
