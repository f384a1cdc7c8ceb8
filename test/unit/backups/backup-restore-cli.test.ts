import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { importSeedWithCli } from '../../helpers/seed-cli';
import { migrations } from '../../../electron/main/store/migrations';
import { dumpLibrary, rowCount, whileOpenElsewhere } from './library-dump';

let dir: string;
let db: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-backup-'));
  db = path.join(dir, 'library.db');
});

async function annotatedLibrary(): Promise<string> {
  const { doc, passages } = await importSeedWithCli(db);
  for (const [i, p] of passages.slice(2, 5).entries()) {
    const made = await runCli([
      'annotate',
      p.id,
      '--start',
      '0',
      '--end',
      '4',
      '--note',
      `批注${i}`,
      '--tag',
      '备份',
      '--db',
      db,
    ]);
    expect(made.code).toBe(0);
  }
  // The search index is part of the library too: build and persist it.
  expect((await runCli(['search', '营商环境', '--db', db, '--json'])).code).toBe(0);
  return doc;
}

describe('yandu backup / restore', () => {
  it('restores the library exactly: every row of every table', async () => {
    const doc = await annotatedLibrary();
    const before = dumpLibrary(db);
    expect(before['annotations']).toHaveLength(3);
    expect(before['search_segments']!.length).toBeGreaterThan(0);

    const made = await runCli(['backup', '--db', db, '--json']);
    expect(made.code).toBe(0);
    const backup = made.json<{ id: string; file: string; documents: number; annotations: number }>();
    expect(backup).toMatchObject({ documents: 1, annotations: 3 });
    const out = path.join(dir, 'elsewhere.db');
    expect((await runCli(['backup', '--out', out, '--db', db, '--json'])).code).toBe(0);
    expect((await runCli(['backup', '--out', out, '--db', db])).stderr).toContain('已存在');

    // Change the library in every way a user can: more annotations, another document.
    const p = (await runCli(['export', doc, '--db', db, '--json'])).json<{ passages: { id: string }[] }>()
      .passages[7]!;
    await runCli(['annotate', p.id, '--start', '0', '--end', '2', '--db', db]);
    const other = path.join(dir, 'other.txt');
    fs.writeFileSync(other, '某区2022年政府工作报告\n\n一、过去一年的工作\n\n过去一年，全区经济稳步恢复。\n');
    expect((await runCli(['import', other, '--db', db])).code).toBe(0);
    expect(dumpLibrary(db)).not.toEqual(before);

    const restored = await runCli(['restore', out, '--db', db, '--json']);
    expect(restored.code).toBe(0);
    expect(restored.json()).toMatchObject({ documents: 1, annotations: 3 });
    const after = dumpLibrary(db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);

    // The library as it was before the restore was kept, and restoring by id works too.
    const list = (await runCli(['backup', '--list', '--db', db, '--json'])).json<
      { id: string; reason: string; documents: number }[]
    >();
    expect(list.map((b) => b.reason).sort()).toEqual(['manual', 'pre-restore']);
    expect(list.find((b) => b.reason === 'pre-restore')!.documents).toBe(2);
    const back = list.find((b) => b.reason === 'pre-restore')!.id;
    expect((await runCli(['restore', back, '--db', db])).code).toBe(0);
    expect((await runCli(['list', '--db', db, '--json'])).json<unknown[]>()).toHaveLength(2);
  });

  it('refuses garbage, a foreign SQLite file and a newer schema, and changes nothing', async () => {
    await annotatedLibrary();
    const before = dumpLibrary(db);
    expect(rowCount(before)).toBeGreaterThan(100);

    const garbage = path.join(dir, 'garbage.db');
    fs.writeFileSync(garbage, Buffer.alloc(64 * 1024, 0x5a));
    const foreign = path.join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    f.close();
    const newer = path.join(dir, 'newer.db');
    expect((await runCli(['backup', '--out', newer, '--db', db])).code).toBe(0);
    const n = new Database(newer);
    n.pragma(`user_version = ${migrations.length + 1}`);
    n.close();

    const cases: [string, string][] = [
      [garbage, '不能用于恢复'],
      [foreign, '不是研读资料库'],
      [newer, '更新版本'],
      [path.join(dir, 'missing.db'), '未找到'],
    ];
    for (const [file, message] of cases) {
      const refused = await runCli(['restore', file, '--db', db, '--json']);
      expect(refused.code, file).toBe(1);
      expect(refused.stderr).toContain(message);
      expect(refused.stdout).toBe('');
    }
    expect(dumpLibrary(db)).toEqual(before);
    // Nothing was backed up either: a refused restore leaves no trace.
    expect((await runCli(['backup', '--list', '--db', db, '--json'])).json()).toEqual([]);
  });

  it('refuses to restore a library another process has open', async () => {
    await annotatedLibrary();
    const backup = (await runCli(['backup', '--db', db, '--json'])).json<{ id: string }>();
    const before = dumpLibrary(db);
    // Another process (the app) reading the library meanwhile.
    await whileOpenElsewhere(db, async () => {
      const refused = await runCli(['restore', backup.id, '--db', db]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('正被另一个程序');
    });
    expect(dumpLibrary(db)).toEqual(before);
    expect((await runCli(['restore', backup.id, '--db', db])).code).toBe(0);
  });

  it('says how to recover a damaged library, and recovers it from the newest good backup', async () => {
    await annotatedLibrary();
    const backup = (await runCli(['backup', '--db', db, '--json'])).json<{ id: string }>();
    const before = dumpLibrary(db);
    // Damage the middle of the file (pages of the tables), leave the header.
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(8192, 0xff), 0, 8192, 8192);
    fs.closeSync(fd);

    const listed = await runCli(['list', '--db', db, '--json']);
    expect(listed.code).toBe(2);
    expect(listed.stderr).toContain('已损坏');
    expect(listed.stderr).toContain(`yandu restore ${backup.id}`);

    const restored = await runCli(['restore', backup.id, '--db', db, '--json']);
    expect(restored.code).toBe(0);
    expect(dumpLibrary(db)).toEqual(before);
    // The damaged file was kept rather than thrown away.
    const kept = (await runCli(['backup', '--list', '--db', db, '--json'])).json<
      { reason: string; problem: string | null }[]
    >();
    expect(kept.find((b) => b.reason === 'pre-restore')?.problem).toBeTruthy();
  });
});
