import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/main/kernel/app-error';
import { openDatabase } from '../../../electron/main/store/database';
import { migrate, schemaVersion } from '../../../electron/main/store/migrate';
import { migrations } from '../../../electron/main/store/migrations';
import type { Migration } from '../../../electron/main/store/migrations/types';

const tables = (db: Database.Database) =>
  (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);

/** Opens `file`, expecting refusal with `code` and the file byte-identical; returns the zh-CN message. */
function refusedUntouched(file: string, code: string): string {
  const before = fs.readFileSync(file);
  let caught: unknown;
  try {
    openDatabase(file);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe(code);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  return (caught as AppError).localized('zh-CN');
}

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('001 creates the core tables on a fresh database and sets user_version 1', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'documents',
        'footnote_refs',
        'glossary_entries',
        'measures',
        'passages',
        'sections',
        'settings',
      ]),
    );
  });

  it('brings a fresh database to the latest version and is idempotent', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toBe(migrations.length);
    expect(migrate(db, migrations)).toBe(migrations.length);
  });

  it('rolls back a failing migration together with its version bump', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up: (d) => d.exec('CREATE TABLE half_done (x); SELECT * FROM nowhere;'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(tables(db)).not.toContain('half_done');
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-mig-'));
    const file = path.join(dir, 'future.db');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${migrations.length + 5}`);
    future.close();
    expect(refusedUntouched(file, 'database_too_new')).toContain('更新版本');
  });

  it('rejects migrations listed out of order', () => {
    const db = new Database(':memory:');
    const shuffled = [{ ...migrations[0]!, version: 2 }];
    expect(() => migrate(db, shuffled)).toThrow(/expected 1/);
  });
});

describe('opening a damaged library', () => {
  it('refuses a file that is not a SQLite database with a clear message and leaves it as it was', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-corrupt-'));
    const file = path.join(dir, 'library.db');
    fs.writeFileSync(file, Buffer.from('这不是数据库 — not a database at all'.repeat(200)));
    expect(refusedUntouched(file, 'database_unreadable')).toContain(file);
  });
});
