import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { MAX_IMPORT_ITEMS } from '../../../electron/main/annotations/share/merge';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { floodFile } from '../../fixtures/annotations/flood';
import { runCli } from '../../helpers/cli';
import { addSeed } from './seed-library';

const count = (db: Database.Database) =>
  (db.prepare('SELECT COUNT(*) AS n FROM annotations').get() as { n: number }).n;

describe('importing a heavy shared annotation file', () => {
  it('places thousands of altered quotes and very long ones, giving the event loop turns meanwhile', async () => {
    const core = createCore({ databasePath: ':memory:' });
    const doc = addSeed(core.ctx.db);
    const text = floodFile(core.ctx.db, doc, 2000, 20);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const reply = await dispatch(core, 'annotations:import', { text });
    clearInterval(ticker);
    expect(reply.ok).toBe(true);
    const result = (reply as { value: { added: number; orphaned: number } }).value;
    expect(result.added).toBe(2020);
    // The 100 000-character quotes occur nowhere: kept as orphans, not matched approximately.
    expect(result.orphaned).toBeGreaterThanOrEqual(20);
    expect(result.orphaned).toBeLessThan(2020);
    expect(count(core.ctx.db)).toBe(2020);
    expect(turns).toBeGreaterThan(0);
    // One undo step per document takes the whole import back.
    expect(await dispatch(core, 'annotations:undo', { documentId: doc })).toMatchObject({
      ok: true,
    });
    expect(count(core.ctx.db)).toBe(0);
    core.close();
  }, 120_000);

  it('refuses a file of more items than the cap, writing nothing', async () => {
    const core = createCore({ databasePath: ':memory:' });
    const doc = addSeed(core.ctx.db);
    const one = JSON.parse(floodFile(core.ctx.db, doc, 1))[0];
    const items = Array.from({ length: MAX_IMPORT_ITEMS + 1 }, (_, i) => ({ ...one, id: `urn:uuid:x-${i}` }));
    const reply = await dispatch(core, 'annotations:import', { text: JSON.stringify(items) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'annotation_import_invalid' } });
    expect((reply as { error: { message: string } }).error.message).toContain('20000 条的上限');
    expect(count(core.ctx.db)).toBe(0);
    core.close();
  }, 60_000);
});

describe('the CLI and a busy library', () => {
  it('says it is waiting while another program writes, then does its work', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-busy-'));
    const db = path.join(dir, 'library.sqlite');
    const note = path.join(dir, 'note.txt');
    fs.writeFileSync(note, '一份便笺\n\n便笺的正文。\n');
    createCore({ databasePath: db }).close();
    const other = new Database(db);
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('COMMIT'), 1500);
    const run = await runCli(['import', note, '--db', db, '--json']);
    other.close();
    expect(run.stderr).toContain('库正被另一个程序写入，等待中…');
    expect(run.code).toBe(0);
    expect(run.json<{ imported: unknown[] }>().imported).toHaveLength(1);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
