import type { Migration } from './types';

/**
 * Number 10 belongs to the undo log (branch `undo`, 010-undo-log.ts), made in parallel with 011.
 * Migrations must be consecutive, so until both branches meet this holds the place and changes
 * nothing; the merge replaces this file with the real 010.
 */
export const migration010Reserved: Migration = {
  version: 10,
  name: 'reserved for the undo log (replaced when its branch is merged)',
  up() {},
};
