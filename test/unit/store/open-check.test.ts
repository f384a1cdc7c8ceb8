import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { openDatabase } from '../../../electron/main/store/database';
import { SEED, tempDatabase } from '../search/library';

const opened: Database.Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.open && db.close()));

/** A library closed cleanly, then one leaf page of a bulk table (passages by default) overwritten. */
async function libraryWithDamagedPassages(table = 'passages', offset = 3): Promise<string> {
  const file = tempDatabase();
  const core = createCore({ databasePath: file });
  await importFiles(core.ctx, [SEED], { inline: true });
  core.close();
  const probe = new Database(file, { readonly: true });
  const pageSize = probe.pragma('page_size', { simple: true }) as number;
  const page = probe
    .prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET ?`)
    .pluck()
    .get(table, offset) as number;
  probe.close();
  // Closed cleanly: no WAL content is left (the read-only probe may leave an empty file).
  expect(fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
  return file;
}

describe('the integrity check at open', () => {
  it('checks a small library whole: a damaged passages page is found at open', async () => {
    const file = await libraryWithDamagedPassages();
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'database_damaged' }));
  });

  it('leaves the bulk tables of a large, cleanly closed library to be found when read', async () => {
    const file = await libraryWithDamagedPassages();
    const db = openDatabase(file, { fullCheckBytes: 0 });
    opened.push(db);
    expect(db.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(1);
  });

  it('leaves the passages\' measures of a large library to be found when read (their check grew with the text)', async () => {
    const file = await libraryWithDamagedPassages('measures', 0);
    const db = openDatabase(file, { fullCheckBytes: 0 });
    opened.push(db);
    expect(db.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(1);
    expect(() => db.prepare(`SELECT sum(length(title)) FROM measures`).get()).toThrow(/malformed/);
  });

  it('checks a large library whole after an unclean shutdown (a WAL file left beside it)', async () => {
    const file = await libraryWithDamagedPassages();
    fs.writeFileSync(`${file}-wal`, Buffer.alloc(4096, 0));
    expect(() => openDatabase(file, { fullCheckBytes: 0 })).toThrow(
      expect.objectContaining({ code: 'database_damaged' }),
    );
  });
});
