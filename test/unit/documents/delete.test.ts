import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDetached } from '../../../electron/main/annotations/detached';
import { createAnnotation } from '../../../electron/main/annotations/service';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { runCli } from '../../helpers/cli';
import { importSeedWithCli } from '../../helpers/seed-cli';
import { dumpLibrary } from '../backups/library-dump';
import { addSeed, passagesOf, SEED_FILE } from '../annotations/seed-library';
import { importFiles } from '../../../electron/main/ingest/import-service';

const tempLibrary = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-delete-')), 'library.db');

function annotatedCore(): { core: Core; file: string; doc: string } {
  const file = tempLibrary();
  const core = createCore({ databasePath: file });
  const doc = addSeed(core.ctx.db);
  // As an import would: what is derived from a document (ledger facts, search) follows the event.
  core.ctx.events.emit('library:changed', { documentIds: [doc] });
  const passages = passagesOf(core.ctx.db, doc);
  for (const p of passages.slice(3, 6))
    createAnnotation(core.ctx.db, {
      passageId: p.id,
      start: 0,
      end: 4,
      note: '删除前的批注',
      tags: ['留存'],
    });
  return { core, file, doc };
}

const call = (core: Core, channel: string, payload: unknown) => dispatch(core, channel, payload);
const withoutSearch = (dump: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(dump).filter(([t]) => !t.startsWith('search_')));

describe('deleting a document', () => {
  it('keeps its annotations as orphans, updates search, and undo restores every row with the same ids', async () => {
    const { core, file, doc } = annotatedCore();
    expect(searchServiceFor(core.ctx).hits('营商环境').total).toBeGreaterThan(0);
    expect(searchServiceFor(core.ctx).hits('删除前的批注').total).toBe(3);
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = withoutSearch(dumpLibrary(file));

    const deleted = await call(core, 'documents:delete', { id: doc, keep: 'orphan' });
    expect(deleted).toMatchObject({
      ok: true,
      value: { id: doc, annotations: 3, keptAsOrphans: 3, export: null },
    });
    expect(await call(core, 'documents:list', {})).toEqual({ ok: true, value: [] });
    expect(searchServiceFor(core.ctx).hits('营商环境').total).toBe(0);
    expect(searchServiceFor(core.ctx).hits('删除前的批注').total).toBe(0);
    const kept = listDetached(core.ctx.db);
    expect(kept).toMatchObject([{ documentId: doc, count: 3 }]);

    const undoId = (deleted as { value: { undoId: string } }).value.undoId;
    expect(await call(core, 'documents:undo-delete', { undoId })).toEqual({ ok: true, value: { id: doc } });
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(withoutSearch(dumpLibrary(file))).toEqual(before);
    expect(searchServiceFor(core.ctx).hits('营商环境').total).toBeGreaterThan(0);
    expect(searchServiceFor(core.ctx).hits('删除前的批注').total).toBe(3);
    // Undone once is undone: the token is spent.
    expect(await call(core, 'documents:undo-delete', { undoId })).toMatchObject({
      ok: false,
      error: { code: 'undo_unavailable' },
    });
    core.close();
  });

  it('restores on undo the rows of tables it does not know (a links table of another branch)', async () => {
    const { core, file, doc } = annotatedCore();
    const { db } = core.ctx;
    const [from, to] = passagesOf(db, doc).slice(1, 3);
    db.exec(`CREATE TABLE test_links (
      id INTEGER PRIMARY KEY,
      from_passage TEXT REFERENCES passages(id) ON DELETE SET NULL,
      to_passage TEXT REFERENCES passages(id) ON DELETE CASCADE,
      status TEXT NOT NULL)`);
    db.prepare(
      `INSERT INTO test_links (from_passage, to_passage, status) VALUES (?, ?, 'ok'), (?, NULL, 'ok')`,
    ).run(from!.id, to!.id, to!.id);
    // What a links branch would install: its rows are orphaned, inside the delete transaction.
    core.ctx.deleteHooks.push((id) =>
      db
        .prepare(
          `UPDATE test_links SET status = 'orphaned' WHERE from_passage IN (SELECT id FROM passages WHERE document_id = ?)`,
        )
        .run(id),
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = withoutSearch(dumpLibrary(file));
    const deleted = (await call(core, 'documents:delete', { id: doc, keep: 'orphan' })) as {
      value: { undoId: string };
    };
    expect(db.prepare(`SELECT from_passage, to_passage, status FROM test_links ORDER BY id`).all()).toEqual([
      { from_passage: null, to_passage: null, status: 'orphaned' },
    ]);
    await call(core, 'documents:undo-delete', { undoId: deleted.value.undoId });
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(withoutSearch(dumpLibrary(file))).toEqual(before);
    core.close();
  });

  it('gives the kept annotations back when the same document is imported again', async () => {
    const { core, doc } = annotatedCore();
    const before = (await call(core, 'annotations:list', { documentId: doc })) as { value: unknown[] };
    await call(core, 'documents:delete', { id: doc, keep: 'orphan' });
    const again = await importFiles(core.ctx, [SEED_FILE], { inline: true });
    expect(again.imported.map((d) => d.id)).toEqual([doc]);
    expect(await call(core, 'annotations:list', { documentId: doc })).toEqual(before);
    expect(listDetached(core.ctx.db)).toEqual([]);
    core.close();
  });

  it('hands back the annotation export when asked, and keeps no orphans then', async () => {
    const { core, doc } = annotatedCore();
    const deleted = await call(core, 'documents:delete', { id: doc, keep: 'export' });
    const value = (deleted as { value: { export: { text: string; count: number }; keptAsOrphans: number } })
      .value;
    expect(value.keptAsOrphans).toBe(0);
    expect(value.export.count).toBe(3);
    expect(JSON.parse(value.export.text).total).toBe(3);
    expect(listDetached(core.ctx.db)).toEqual([]);
    core.close();
  });

  it('runs the delete hooks inside the transaction: a failing hook deletes nothing', async () => {
    const { core, doc } = annotatedCore();
    core.ctx.deleteHooks.push(() => {
      throw new Error('a links table refused');
    });
    const refused = await call(core, 'documents:delete', { id: doc, keep: 'orphan' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect((await call(core, 'documents:list', {})) as { value: unknown[] }).toMatchObject({
      value: [{ id: doc }],
    });
    expect(listDetached(core.ctx.db)).toEqual([]);
    core.close();
  });

  it('refuses malformed requests', async () => {
    const { core } = annotatedCore();
    for (const payload of [
      {},
      { id: 'x' },
      { id: 'x', keep: 'burn' },
      { id: 'x'.repeat(500), keep: 'orphan' },
      { id: 'x', keep: 'orphan', path: '/etc' },
    ])
      expect(await call(core, 'documents:delete', payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    expect(await call(core, 'documents:undo-delete', { undoId: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await call(core, 'documents:delete', { id: 'dnothere', keep: 'orphan' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    core.close();
  });
});

describe('yandu delete', () => {
  it('deletes with --json, exports annotations with --export, and says so for an unknown id', async () => {
    const db = tempLibrary();
    const { doc, passages } = await importSeedWithCli(db);
    await runCli(['annotate', passages[4]!.id, '--start', '0', '--end', '3', '--db', db]);
    const out = path.join(path.dirname(db), 'kept.jsonld');
    const deleted = await runCli(['delete', doc, '--export', out, '--db', db, '--json']);
    expect(deleted.code).toBe(0);
    expect(deleted.json()).toMatchObject({ id: doc, annotations: 1, keptAsOrphans: 0, exported: out });
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).total).toBe(1);
    expect((await runCli(['list', '--db', db, '--json'])).json()).toEqual([]);
    expect((await runCli(['search', '营商环境', '--db', db, '--json'])).json<{ total: number }>().total).toBe(
      0,
    );
    const missing = await runCli(['delete', doc, '--db', db, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('未找到');
  });
});
