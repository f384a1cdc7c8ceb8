import Database from 'better-sqlite3';
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { assertLibraryFree } from '../../../electron/main/store/backups';
import { openDatabase, releasablePages, releaseFreePages } from '../../../electron/main/store/database';
import { coreOpener, corpusFiles, SEED, tempDatabase } from '../search/library';

const open = coreOpener();
const pragma = (db: Database.Database, name: string) => db.pragma(name, { simple: true }) as number;

it('creates a new library that can give free pages back, and gives them back a bounded step at a time', () => {
  const file = tempDatabase();
  const db = openDatabase(file);
  try {
    expect(pragma(db, 'auto_vacuum')).toBe(2);
    expect(pragma(db, 'page_size')).toBe(8192);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.exec(`CREATE TABLE filler (b BLOB)`);
    const insert = db.prepare(`INSERT INTO filler VALUES (zeroblob(8000))`);
    db.transaction(() => {
      for (let i = 0; i < 600; i++) insert.run();
    })();
    const pages = pragma(db, 'page_count');
    db.exec(`DELETE FROM filler`);
    const free = releasablePages(db);
    expect(free).toBeGreaterThan(500);
    // One step releases what it is allowed to and no more.
    expect(releaseFreePages(db, 100)).toBe(free);
    expect(releasablePages(db)).toBe(free - 100);
    expect(pragma(db, 'page_count')).toBe(pages - 100);
    while (releaseFreePages(db, 100) > 0);
    expect(releasablePages(db)).toBe(0);
    expect(pragma(db, 'page_count')).toBe(pages - free);
    expect(quickOk(db)).toBe('ok');
  } finally {
    db.close();
  }
});

it('leaves a library made before (auto_vacuum off) as it is: its free pages are reused, not released', () => {
  const file = tempDatabase();
  const raw = new Database(file);
  raw.exec(`CREATE TABLE filler (b BLOB)`);
  raw.close();
  const db = openDatabase(file);
  try {
    expect(pragma(db, 'auto_vacuum')).toBe(0);
    const insert = db.prepare(`INSERT INTO filler VALUES (zeroblob(4000))`);
    for (let i = 0; i < 50; i++) insert.run();
    db.exec(`DELETE FROM filler`);
    const free = pragma(db, 'freelist_count');
    expect(free).toBeGreaterThan(40);
    expect(releasablePages(db)).toBe(0);
    expect(releaseFreePages(db, 100)).toBe(0);
    expect(pragma(db, 'freelist_count')).toBe(free);
  } finally {
    db.close();
  }
});

it('gives back the pages of the blocks a rebuild of the index replaced', async () => {
  const file = tempDatabase();
  const core = open(file);
  await importFiles(core.ctx, [SEED, ...corpusFiles().slice(0, 6)], { inline: true });
  const index = searchServiceFor(core.ctx).index;
  index.completeNow();
  const db = core.ctx.db;
  const blocks = db.prepare(`SELECT count(*) FROM search_blocks`).pluck().get() as number;
  expect(blocks).toBeGreaterThan(0);
  const before = pragma(db, 'page_count');
  await index.rebuild();
  await index.settle();
  // The old blocks were dropped (the new ones took their place), and no page stays on the free list
  // beyond one step's remainder.
  expect(db.prepare(`SELECT count(*) FROM search_blocks`).pluck().get()).toBe(blocks);
  expect(pragma(db, 'freelist_count')).toBeLessThanOrEqual(256);
  expect(pragma(db, 'page_count')).toBeLessThan(before * 1.2);
});

it('closes a library it refuses as damaged, so the same process may restore it at once', () => {
  const file = tempDatabase();
  openDatabase(file).close();
  // Pages 3 and 4 (the first tables' roots): quick_check itself fails with SQLITE_CORRUPT here.
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(8192, 0xff), 0, 8192, 8192);
  fs.closeSync(fd);
  expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'database_damaged' }));
  expect(() => assertLibraryFree(file)).not.toThrow();
});

function quickOk(db: Database.Database): string {
  return db.pragma('quick_check', { simple: true }) as string;
}
