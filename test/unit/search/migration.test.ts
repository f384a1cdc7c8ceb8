import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/main/store/migrate';
import { migrations } from '../../../electron/main/store/migrations';
import { migration003SearchIndex } from '../../../electron/main/store/migrations/003-search-index';
import { UNINDEXED_SQL } from '../../../electron/main/store/document-lookup';

const UNINDEXED = UNINDEXED_SQL;

describe('migration: search index', () => {
  const upTo = migrations.indexOf(migration003SearchIndex) + 1;

  it('creates the segment tables on a fresh database and sets its user_version', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, upTo));
    expect(schemaVersion(db)).toBe(migration003SearchIndex.version);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['search_segments', 'search_segment_docs']));
  });

  it('drops a segment’s document rows with the segment', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    db.prepare(
      `INSERT INTO search_segments (id, format, kinds, created_at, units, bytes, data) VALUES (1, 1, '', '', 0, 0, x'')`,
    ).run();
    db.prepare(`INSERT INTO search_segment_docs VALUES (1, 'd1', 'h1')`).run();
    db.prepare(`DELETE FROM search_segments WHERE id = 1`).run();
    expect(db.prepare(`SELECT count(*) FROM search_segment_docs`).pluck().get()).toBe(0);
  });

  it('finds the documents no segment covers (the status of an index not loaded yet) through an index', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${UNINDEXED}`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(
      /SEARCH s USING COVERING INDEX search_segment_docs_document \(document_id=\? AND content_hash=\?\)/,
    );
  });
});
