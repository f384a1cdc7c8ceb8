import type { Migration } from './types';

/**
 * Search segments of format 3 keep only their term dictionary and per-unit columns in
 * `search_segments.data`; their posting lists and folded text are cut into blocks stored here, so
 * that a query reads the blocks of its terms and candidates, not whole segments.
 * No foreign key on purpose: a segment replaced by a merge keeps its blocks until no query that
 * started before the merge can still read them (the index drops them later).
 */
export const migration011SearchBlocks: Migration = {
  version: 11,
  name: 'search index: posting and text blocks of format-3 segments',
  up(db) {
    db.exec(`
      CREATE TABLE search_blocks (
        segment_id INTEGER NOT NULL,
        -- 0: posting bytes, 1: folded text (UTF-16).
        part       INTEGER NOT NULL,
        block      INTEGER NOT NULL,
        data       BLOB NOT NULL,
        PRIMARY KEY (segment_id, part, block)
      ) STRICT;

      -- The last segment id handed out: ids are never used twice, so a reader holding a replaced
      -- segment can never read the blocks of a newer one under the same id.
      CREATE TABLE search_segment_ids (last INTEGER NOT NULL) STRICT;
      INSERT INTO search_segment_ids (last) SELECT coalesce(max(id), 0) FROM search_segments;
    `);
  },
};
