import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/main/store/migrate';
import { migrations } from '../../../electron/main/store/migrations';
import { migration002Annotations } from '../../../electron/main/store/migrations/002-annotations';

const upTo = migrations.findIndex((m) => m === migration002Annotations) + 1;

function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
}

describe('migration: annotations', () => {
  it('is listed and creates its tables, trigger and six labelled colours on a fresh database', () => {
    expect(upTo).toBeGreaterThan(1);
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, upTo));
    expect(schemaVersion(db)).toBe(migration002Annotations.version);
    const names = (type: string) =>
      (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = ? ORDER BY name`).all(type) as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(names('table')).toEqual(
      expect.arrayContaining([
        'annotations',
        'annotation_colors',
        'tags',
        'annotation_tags',
        'annotation_ops',
        'annotation_conflicts',
        'annotation_drift',
      ]),
    );
    expect(names('trigger')).toContain('annotations_orphan_on_passage_delete');
    expect(db.prepare(`SELECT color FROM annotation_colors ORDER BY ordinal`).pluck().all()).toEqual([
      'yellow',
      'red',
      'green',
      'blue',
      'purple',
      'grey',
    ]);
  });

  it('serves the hot lookups from indexes', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    expect(plan(db, `SELECT * FROM annotations WHERE document_id = ? AND status = 'anchored'`, 'd')).toMatch(
      /USING INDEX annotations_document/,
    );
    expect(plan(db, `SELECT count(*) FROM annotations WHERE document_id = ?`, 'd')).toMatch(
      /USING COVERING INDEX annotations_document/,
    );
    expect(plan(db, `SELECT id FROM annotations WHERE passage_id = ?`, 'p')).toMatch(
      /USING INDEX annotations_passage/,
    );
    expect(
      plan(
        db,
        `SELECT a.id FROM tags t JOIN annotation_tags at ON at.tag_id = t.id JOIN annotations a ON a.id = at.annotation_id WHERE t.name = ?`,
        'x',
      ),
    ).toMatch(/annotation_tags_tag/);
    // The undo log is one table since migration 010 (annotation_ops moved there).
    expect(
      plan(
        db,
        `SELECT * FROM undo_log WHERE kind = 'annotation' AND scope = ? AND undone = 0 AND group_id = 3`,
        'd',
      ),
    ).toMatch(/USING INDEX undo_log_history/);
    expect(plan(db, `SELECT * FROM annotation_drift WHERE document_id = ? AND edition = 2`, 'd')).toMatch(
      /USING INDEX annotation_drift_document/,
    );
  });
});
