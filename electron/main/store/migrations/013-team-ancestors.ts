import type { Migration } from './types';

/**
 * Common ancestors across a hub restore (issue 14). `team_objects.ancestor`: the last synced copy
 * of an object whose hub version a restore lost (JSON: the lost history's epoch, the copy's version
 * in it, its data, null for a deleted one), kept until the
 * object is settled with the hub, because it is what this desktop's copy and other desktops'
 * re-offered copies were made from. `team_conflicts.base`: the copy a clash was judged against
 * (JSON; 'null' when the object did not exist; NULL when no common copy was known), so a listed
 * clash can be shown — and checked — to be one where both sides changed the same field.
 */
export const migration013TeamAncestors: Migration = {
  version: 13,
  name: 'team sync: lost copies kept as common ancestors, the base of each conflict',
  up(db) {
    db.exec(`
      ALTER TABLE team_objects ADD COLUMN ancestor TEXT;
      ALTER TABLE team_conflicts ADD COLUMN base TEXT;
    `);
  },
};
