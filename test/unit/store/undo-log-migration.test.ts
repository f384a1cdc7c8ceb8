import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { historyState, recordBatch, redo, undo } from '../../../electron/main/annotations/oplog';
import { getAnnotation, putAnnotation } from '../../../electron/main/annotations/repository';
import { createAnnotation, updateAnnotation } from '../../../electron/main/annotations/service';
import { applyStep, briefingHistory } from '../../../electron/main/briefings/oplog';
import { addItem, createBriefing, getBriefing } from '../../../electron/main/briefings/service';
import { linkHistory, undoLink } from '../../../electron/main/links/link-oplog';
import { getLink } from '../../../electron/main/links/link-store';
import { createLink, updateLink } from '../../../electron/main/links/service';
import { openDatabase, type Db } from '../../../electron/main/store/database';
import { schemaVersion } from '../../../electron/main/store/migrate';
import { migrations } from '../../../electron/main/store/migrations';
import { migration010UndoLog } from '../../../electron/main/store/migrations/010-undo-log';
import { revisedSeed } from '../annotations/revised-seed';
import { addSeed, findText, passagesOf } from '../annotations/seed-library';

const OLD_TABLES = ['annotation_ops', 'passage_link_ops', 'briefing_ops'];

/** The three logs exactly as migrations 002, 006 and 007 create them (tables first, then indexes). */
function oldLogSchema(): string[] {
  const scratch = new Database(':memory:');
  const before = migrations.indexOf(migration010UndoLog);
  for (const m of migrations.slice(0, before)) m.up(scratch);
  const sql = scratch
    .prepare(
      `SELECT sql FROM sqlite_master WHERE tbl_name IN (${OLD_TABLES.map(() => '?').join(', ')})
       AND sql IS NOT NULL ORDER BY type DESC`,
    )
    .pluck()
    .all(...OLD_TABLES) as string[];
  scratch.close();
  return sql;
}

/**
 * Turns a library back into one of schema 9: the undo log's rows written into the three old tables
 * the way the old code numbered them (annotation and link batches counted on their own, from
 * numbers unrelated to any seq), undo_log gone.
 */
function downgrade(db: Db): void {
  db.transaction(() => {
    for (const sql of oldLogSchema()) db.exec(sql);
    db.exec(`
      INSERT INTO annotation_ops (document_id, batch, action, annotation_id, before, after, undone, created_at)
        SELECT scope, group_id * 7 + 1000, action, object_id, before, after, undone, created_at
        FROM undo_log WHERE kind = 'annotation' ORDER BY seq;
      INSERT INTO passage_link_ops (batch, action, link_id, before, after, undone, created_at)
        SELECT group_id * 3 + 50, action, object_id, before, after, undone, created_at
        FROM undo_log WHERE kind = 'link' ORDER BY seq;
      INSERT INTO briefing_ops (briefing_id, action, before, after, undone, created_at)
        SELECT scope, action, before, after, undone, created_at
        FROM undo_log WHERE kind = 'briefing' ORDER BY seq;
      DROP TABLE undo_log;
      -- Schema 9 also had no search blocks (migration 011): its segments go, to be built again.
      DROP TABLE search_blocks;
      DROP TABLE search_segment_ids;
      DELETE FROM search_segment_docs;
      DELETE FROM search_segments;
      -- Nor the capture of a replaced document (migration 012).
      DROP TRIGGER team_capture_documents_edition;
      -- Nor the team sync's lost copies and conflict bases (migration 013).
      ALTER TABLE team_objects DROP COLUMN ancestor;
      ALTER TABLE team_conflicts DROP COLUMN base;
      -- Nor where replaced passages went (migration 014).
      DROP TABLE team_passage_moves;
      -- Nor the team's copies of annotations removed with their document (migration 015).
      DROP TABLE team_removed_annotations;
      -- Nor the documents' counts on their rows (migration 016).
      ALTER TABLE documents DROP COLUMN passage_count;
      ALTER TABLE documents DROP COLUMN glossary_count;
      ALTER TABLE documents DROP COLUMN measure_count;
      -- Nor the team's copies of corrections removed with their document (migration 017).
      DROP TABLE team_removed_overrides;
    `);
    db.pragma(`user_version = ${migration010UndoLog.version - 1}`);
  })();
}

const LOGGED = `kind, scope, action, object_id, before, after, undone, created_at`;

describe('migration 010: one undo log', () => {
  it('moves the history of an old library with rows in all three logs, and undo and redo go on', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-undo-mig-')), 'library.db');
    let db = openDatabase(file);
    const a = addSeed(db);
    const b = addSeed(db, revisedSeed());
    const { passage, start, end } = findText(db, a, '地区生产总值1360亿元');
    const a1 = createAnnotation(db, { passageId: passage.id, start, end });
    // An action of several rows, as an import writes it.
    const imported = db.transaction(() => {
      const base = getAnnotation(db, a1.id)!;
      const rows = ['imp-1', 'imp-2'].map((id) => {
        putAnnotation(db, { ...base, id, note: id });
        return { before: null, after: getAnnotation(db, id)! };
      });
      recordBatch(db, a, 'import', rows, base.created);
      return rows.map((r) => r.after.id);
    })();
    updateAnnotation(db, { id: a1.id, note: '关注' });
    expect(undo(db, a)).toMatchObject({ action: 'edit' });
    const link = createLink(db, { from: passagesOf(db, a)[0]!.id, to: passagesOf(db, b)[0]!.id, note: '旧' });
    updateLink(db, { id: link.id, note: '新' });
    const briefing = createBriefing(db, { title: '学习材料' });
    addItem(db, { briefingId: briefing.id, addition: { kind: 'note', text: '甲' } });
    addItem(db, { briefingId: briefing.id, addition: { kind: 'note', text: '乙' } });
    expect(applyStep(db, briefing.id, 'undo')).toBe('add');

    const logged = db.prepare(`SELECT ${LOGGED} FROM undo_log ORDER BY seq`).all();
    const groups = db.prepare(`SELECT kind, count(DISTINCT group_id) AS n FROM undo_log GROUP BY kind`).all();
    downgrade(db);
    // History of a document that is gone, as only a write with foreign keys off could leave it.
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO annotation_ops (document_id, batch, action, annotation_id, before, after, created_at)
       VALUES ('gone', 1, 'create', 'x', NULL, '{}', '2021-01-01')`,
    ).run();
    db.pragma('foreign_keys = ON');
    for (const table of OLD_TABLES)
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBeGreaterThan(0);
    db.close();

    db = openDatabase(file);
    expect(schemaVersion(db)).toBe(migrations.length);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toContain('undo_log');
    for (const table of OLD_TABLES) expect(tables).not.toContain(table);
    expect(db.prepare(`SELECT ${LOGGED} FROM undo_log ORDER BY seq`).all()).toEqual(logged);
    expect(
      db.prepare(`SELECT kind, count(DISTINCT group_id) AS n FROM undo_log GROUP BY kind`).all(),
    ).toEqual(groups);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    expect(historyState(db, a)).toEqual({ undo: 'import', redo: 'edit' });
    expect(linkHistory(db)).toEqual({ undo: 'update', redo: null });
    expect(briefingHistory(db, briefing.id)).toEqual({ undo: 'add', redo: 'add' });

    expect(redo(db, a)).toEqual({ action: 'edit', annotationIds: [a1.id] });
    expect(getAnnotation(db, a1.id)!.note).toBe('关注');
    expect(undo(db, a)).toEqual({ action: 'edit', annotationIds: [a1.id] });
    expect(undo(db, a)).toEqual({ action: 'import', annotationIds: imported });
    expect(imported.map((id) => getAnnotation(db, id))).toEqual([undefined, undefined]);
    expect(undoLink(db)).toEqual({ action: 'update', linkIds: [link.id] });
    expect(getLink(db, link.id)!.note).toBe('旧');
    expect(applyStep(db, briefing.id, 'redo')).toBe('add');
    expect(getBriefing(db, briefing.id).items.map((i) => i.text)).toEqual(['甲', '乙']);

    // A new action lands after the moved history: it is what the next undo takes back.
    const { passage: p2, start: s2, end: e2 } = findText(db, a, '浪潮、宸鸿等龙头企业');
    const fresh = createAnnotation(db, { passageId: p2.id, start: s2, end: e2 });
    expect(historyState(db, a)).toEqual({ undo: 'create', redo: null });
    expect(undo(db, a)).toEqual({ action: 'create', annotationIds: [fresh.id] });
    expect(undo(db, a)).toEqual({ action: 'create', annotationIds: [a1.id] });
    expect(undo(db, a)).toBeNull();
    db.close();
  });

  it('upgrades a library whose logs are empty', () => {
    const db = new Database(':memory:');
    for (const m of migrations) m.up(db);
    expect(db.prepare(`SELECT count(*) FROM undo_log`).pluck().get()).toBe(0);
    expect(
      db.prepare(`SELECT name FROM sqlite_master WHERE name IN ('annotation_ops', 'briefing_ops')`).all(),
    ).toEqual([]);
  });
});
