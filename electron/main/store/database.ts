import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../kernel/app-error';
import { newBackupPath, newestGoodBackup, vacuumInto } from './backups';
import { assertNotNewer, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';

import type { Db } from '../kernel/db';

export type { Db };

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another runtime (the Electron build kept apart from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Up to this file size the integrity check at open covers every table (tests lower it). */
  fullCheckBytes?: number;
}

const READ_ONLY_CODES = /^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/;

/** An error SQLite gives for a write to a library it may only read. */
export function isReadOnlyError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_READONLY/.test(code);
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Private copies of libraries on read-only shares, removed when the process ends. */
const snapshots = new Set<string>();
process.once('exit', () => snapshots.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/**
 * A WAL library in a folder nobody may write to cannot be opened even read-only (SQLite needs its
 * shared-memory file beside it), so a private copy is read instead: what the share held at open.
 */
function openSnapshot(file: string, nativeBinding?: string): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-readonly-'));
  snapshots.add(dir);
  const copy = path.join(dir, path.basename(file));
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  return new Database(copy, { readonly: true, fileMustExist: true, nativeBinding });
}

/** Read-write when allowed, else read-only (the file, its folder or the share refuses writes). */
function openConnection(file: string, options: OpenOptions): Db {
  const nativeBinding = options.nativeBinding;
  const exists = file !== ':memory:' && fs.existsSync(file);
  const readOnly = options.readonly || (exists && !writable(file));
  if (!readOnly) {
    try {
      const db = new Database(file, { nativeBinding });
      db.pragma('user_version');
      return db;
    } catch (error) {
      // As root, access() says yes to everything: a read-only mount still refuses here.
      if (!exists || !READ_ONLY_CODES.test(String((error as { code?: unknown }).code))) throw error;
    }
  }
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    db.pragma('user_version');
    return db;
  } catch (error) {
    if (!READ_ONLY_CODES.test(String((error as { code?: unknown }).code))) throw error;
    return openSnapshot(file, nativeBinding);
  }
}

/**
 * WAL for a library we may write. This is the first write: on a read-only mount (which access()
 * does not see as root) it fails, and the library is opened read-only instead.
 */
function enableWal(db: Db, file: string, options: OpenOptions): Db {
  if (db.readonly) return db;
  try {
    db.pragma('journal_mode = WAL');
    return db;
  } catch (error) {
    if (file === ':memory:' || !READ_ONLY_CODES.test(String((error as { code?: unknown }).code))) throw error;
    db.close();
    return openConnection(file, { ...options, readonly: true });
  }
}

/** The page size of a new library, and of an older one once compacted (see newLibraryLayout). */
export const LIBRARY_PAGE_SIZE = 8192;

/**
 * How a new library lays out its file; both can only be chosen before the first table and before
 * WAL, so only here. It gives back the pages the search index's merges free (half the file at
 * 3,000 reports), a few at a time (`releaseFreePages`), never in one long stall. 8 KB pages: a
 * passage row of 300-1,000 bytes left a quarter of a 4 KB page unused more often (at 500 reports
 * the file is 72.1 MB at 8 KB, 75.4 MB at 4 KB, 73.1 MB at 16 KB, where the tails of packed
 * search blocks waste more).
 */
function newLibraryLayout(db: Db): void {
  if (db.readonly) return;
  if ((db.pragma('page_count', { simple: true }) as number) > 0) return;
  db.pragma(`page_size = ${LIBRARY_PAGE_SIZE}`);
  db.pragma('auto_vacuum = INCREMENTAL');
}

/** Pages a library with `auto_vacuum = INCREMENTAL` keeps on its free list (0 for any other). */
export function releasablePages(db: Db): number {
  if ((db.pragma('auto_vacuum', { simple: true }) as number) !== 2) return 0;
  return db.pragma('freelist_count', { simple: true }) as number;
}

/**
 * Gives back at most `maxPages` free pages to the file system (one bounded step: each page moved
 * is a write). Returns how many were left to release before the step.
 */
export function releaseFreePages(db: Db, maxPages: number): number {
  const free = releasablePages(db);
  if (free > 0) db.pragma(`incremental_vacuum(${Math.max(1, Math.floor(maxPages))})`);
  return free;
}

/** `PRAGMA quick_check`: 'ok', or the first problems it names. */
export function quickCheck(db: Db): string {
  const rows = db.prepare('PRAGMA quick_check(5)').pluck().all() as string[];
  return rows.join('; ');
}

/** Up to this size a library is checked whole at every open (about 0.1 s). */
const FULL_CHECK_BYTES = 48 * 1024 * 1024;
/**
 * Tables whose size grows with the text: a whole check of them took 0.4 s of every start at 500
 * reports and grows with the library. A damaged page there surfaces as SQLITE_CORRUPT when read.
 * The passages' own facts belong here too: `measures` alone was 12 ms of each `yandu list` at 500
 * reports (28,000 rows), more than half of what the open check cost.
 */
const BULK_TABLES = new Set([
  'passages',
  'measures',
  'glossary_entries',
  'footnote_refs',
  'search_segments',
  'search_blocks',
  'xref_phrases',
  'xref_passages',
]);

/**
 * The integrity check of an open: whole after an unclean shutdown (a WAL left behind) or for a
 * small library; else every table but the bulk ones, one `quick_check(table)` each, so that the
 * cost at start does not grow with the text.
 */
function openCheck(db: Db, file: string, walLeft: boolean, fullCheckBytes = FULL_CHECK_BYTES): string {
  if (file === ':memory:' || walLeft || fs.statSync(file).size <= fullCheckBytes) return quickCheck(db);
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  for (const table of tables) {
    if (BULK_TABLES.has(table)) continue;
    const rows = db.prepare(`PRAGMA quick_check("${table.replace(/"/g, '""')}")`).pluck().all() as string[];
    if (rows.join('; ') !== 'ok') return rows.slice(0, 5).join('; ');
  }
  return 'ok';
}

/**
 * Opens (creating if needed) a library database, checks it and migrates it. A library that is not
 * writable opens read-only and is never migrated; a writable one is copied into its backups folder
 * before any migration runs. `:memory:` works for tests.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const memory = file === ':memory:';
  if (!memory && !fs.existsSync(file)) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db | undefined;
  // Looked at before the open: a WAL file still there means the last session did not close.
  const walLeft = !memory && (fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
  try {
    db = openConnection(file, options);
    // Checked before any pragma that writes, so a newer library is left byte-for-byte as it was.
    assertNotNewer(db, migrations, file);
    newLibraryLayout(db);
    db = enableWal(db, file, options);
    const check = openCheck(db, file, walLeft, options.fullCheckBytes);
    if (check !== 'ok') {
      const backup = newestGoodBackup(file, options.nativeBinding);
      throw new AppError('database_damaged', { file, reason: check.slice(0, 300), backup: backup?.id ?? '' });
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!db.readonly) db.pragma('synchronous = NORMAL');
  } catch (error) {
    // A connection left open here holds the WAL's shared lock: a restore of this very library in
    // the same process (the CLI's recovery) would then find it "in use".
    if (db?.open) db.close();
    if (error instanceof AppError) throw error;
    const reason = (error as Error).message.slice(0, 300);
    if (/^SQLITE_CORRUPT/.test(String((error as { code?: unknown }).code)))
      throw new AppError('database_damaged', {
        file,
        reason,
        backup: newestGoodBackup(file, options.nativeBinding)?.id ?? '',
      });
    throw new AppError('database_unreadable', { file, reason });
  }
  const found = schemaVersion(db);
  if (db.readonly) {
    if (found === migrations.length) return db;
    db.close();
    throw new AppError('library_read_only_outdated', { file, found, supported: migrations.length });
  }
  try {
    if (!memory && found > 0 && found < migrations.length)
      vacuumInto(db, newBackupPath(file, 'pre-migration'));
    migrate(db, migrations, file);
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('database_unreadable', { file, reason: (error as Error).message });
  }
  return db;
}
