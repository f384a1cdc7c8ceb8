import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { compactLibrary } from '../../../electron/main/backups/compact-service';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { assertRoomForCopy } from '../../../electron/main/store/compaction';
import { runCli } from '../../helpers/cli';
import { importSeedWithCli } from '../../helpers/seed-cli';
import { revisedSeed } from '../annotations/revised-seed';
import { dumpLibrary, whileOpenElsewhere } from './library-dump';

let dir: string;
let db: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-compact-'));
  db = path.join(dir, 'library.db');
});

function layout(file: string): { pageSize: number; autoVacuum: number; free: number } {
  const d = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      pageSize: d.pragma('page_size', { simple: true }) as number,
      autoVacuum: d.pragma('auto_vacuum', { simple: true }) as number,
      free: d.pragma('freelist_count', { simple: true }) as number,
    };
  } finally {
    d.close();
  }
}

/**
 * A library made the way libraries were before issue 15 (4 KB pages, auto_vacuum NONE: both fixed
 * before the first table), with a document, annotations and a stored search index, and
 * eight more imported and deleted again, so their pages sit on the free list.
 */
async function oldLibrary(): Promise<void> {
  const d = new Database(db);
  d.pragma('page_size = 4096');
  d.pragma('auto_vacuum = NONE');
  d.exec('CREATE TABLE layout_probe (x); DROP TABLE layout_probe');
  d.close();
  const { passages } = await importSeedWithCli(db);
  for (const [i, p] of passages.slice(2, 5).entries()) {
    const range = ['--start', '0', '--end', '4', '--note', `批注${i}`, '--tag', '压缩'];
    expect((await runCli(['annotate', p.id, ...range, '--db', db])).code).toBe(0);
  }
  // Eight more reports (each text a little different, so none is taken for another's copy).
  const others = Array.from({ length: 8 }, (_, i) => {
    const file = path.join(dir, `报告${i}.txt`);
    fs.writeFileSync(file, revisedSeed().replace(/湖里区/g, `第${i}区`));
    return file;
  });
  const imported = await runCli(['import', ...others, '--db', db, '--json']);
  expect(imported.code).toBe(0);
  const ids = imported.json<{ imported: { id: string }[] }>().imported.map((d) => d.id);
  expect(ids).toHaveLength(8);
  expect((await runCli(['search', '营商环境', '--db', db, '--json'])).code).toBe(0);
  for (const id of ids) expect((await runCli(['delete', id, '--db', db, '--json'])).code).toBe(0);
  expect(layout(db)).toMatchObject({ pageSize: 4096, autoVacuum: 0 });
}

const fileBytes = (file: string) =>
  fs.statSync(file).size + (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);

async function withCore<T>(run: (core: Core) => Promise<T>): Promise<T> {
  const core = createCore({ databasePath: db });
  try {
    return await run(core);
  } finally {
    core.close();
  }
}

describe('yandu compact', () => {
  it('rewrites an old library in the new layout with every row kept, and a smaller file', async () => {
    await oldLibrary();
    const before = dumpLibrary(db);
    expect(before['annotations']).toHaveLength(3);
    expect(before['search_segments']!.length).toBeGreaterThan(0);
    expect(layout(db).free).toBeGreaterThan(0);
    const bytes = fileBytes(db);

    const run = await runCli(['compact', '--db', db, '--json']);
    expect(run.code).toBe(0);
    const reply = run.json<Record<string, unknown>>();
    expect(reply).toMatchObject({
      bytesBefore: bytes,
      pageSize: 8192,
      autoVacuum: 'incremental',
      documents: 1,
      annotations: 3,
    });
    expect(reply.bytesAfter).toBe(fileBytes(db));
    expect(reply.bytesAfter).toBeLessThan(bytes);
    expect(layout(db)).toEqual({ pageSize: 8192, autoVacuum: 2, free: 0 });
    expect(dumpLibrary(db)).toEqual(before);
    expect(fs.readdirSync(dir).filter((n) => n.includes('compacting'))).toEqual([]);
    // The swapped-in library is one the app opens and searches.
    const found = await runCli(['search', '批注1 kind:annotation', '--db', db, '--json']);
    expect(found.json<{ total: number }>().total).toBe(1);
  });

  it('keeps reads going and refuses writes while the copy is made', async () => {
    await oldLibrary();
    const seen: string[] = [];
    await withCore(async (core) => {
      const policy = { keepDaily: 3, intervalHours: 24 };
      let during: Promise<PromiseSettledResult<unknown>[]> | undefined;
      await compactLibrary(core.ctx, {
        onProgress: (phase) => {
          seen.push(phase);
          if (phase === 'copying')
            during = Promise.allSettled([
              core.call('documents:list', {}),
              core.call('backups:set-policy', policy),
            ]);
        },
      });
      const [read, write] = (await during)!;
      expect(read).toMatchObject({ status: 'fulfilled', value: [expect.anything()] });
      expect(write).toMatchObject({ status: 'rejected', reason: { code: 'library_compacting' } });
      // Done: writes go through again, on the compacted library.
      await expect(core.call('backups:set-policy', policy)).resolves.toMatchObject(policy);
    });
    expect(seen).toEqual(['copying', 'swapping']);
    expect(layout(db).pageSize).toBe(8192);
  });

  it('leaves the library as it was when the copy is stopped mid-way, and can compact it after', async () => {
    await oldLibrary();
    const before = dumpLibrary(db);
    await withCore(async (core) => {
      const stop = new AbortController();
      const compaction = compactLibrary(core.ctx, {
        signal: stop.signal,
        onProgress: (phase) => phase === 'copying' && setTimeout(() => stop.abort(), 20),
      });
      await expect(compaction).rejects.toMatchObject({ code: 'compact_refused' });
      expect(fs.existsSync(`${db}.compacting`)).toBe(false);
      expect(layout(db)).toMatchObject({ pageSize: 4096, autoVacuum: 0 });
      await expect(
        core.call('backups:set-policy', { keepDaily: 4, intervalHours: 24 }),
      ).resolves.toBeTruthy();
    });
    const after = dumpLibrary(db);
    expect({ ...after, settings: [] }).toEqual({ ...before, settings: [] });
    expect((await runCli(['compact', '--db', db, '--json'])).code).toBe(0);
    expect({ ...dumpLibrary(db), settings: [] }).toEqual({ ...before, settings: [] });
  });

  it('leaves the library as it was when the worker fails after writing part of the copy', async () => {
    await oldLibrary();
    const before = dumpLibrary(db);
    const entry = { file: path.join(__dirname, 'failing-compact-worker.ts'), typescript: true };
    await withCore(async (core) => {
      await expect(compactLibrary(core.ctx, { entry })).rejects.toThrow(/disk gone/);
      expect(fs.existsSync(`${db}.compacting`)).toBe(false);
      await expect(core.call('documents:list', {})).resolves.toHaveLength(1);
    });
    expect(layout(db)).toMatchObject({ pageSize: 4096, autoVacuum: 0 });
    expect(dumpLibrary(db)).toEqual(before);
  });

  it('refuses at the swap while another program has the library open, and leaves it as it was', async () => {
    await oldLibrary();
    const before = dumpLibrary(db);
    await whileOpenElsewhere(db, async () => {
      const refused = await runCli(['compact', '--db', db, '--json']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('正被另一个程序');
    });
    expect(fs.existsSync(`${db}.compacting`)).toBe(false);
    expect(layout(db)).toMatchObject({ pageSize: 4096, autoVacuum: 0 });
    expect(dumpLibrary(db)).toEqual(before);
  });

  it('refuses when the folder lacks room for the copy', async () => {
    await oldLibrary();
    expect(() => assertRoomForCopy(db, () => fileBytes(db))).toThrow(
      expect.objectContaining({ code: 'compact_no_room' }),
    );
    expect(() => assertRoomForCopy(db, () => fileBytes(db) * 2 + 64 * 1048576)).not.toThrow();
  });
});
