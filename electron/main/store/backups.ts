import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/domain/backups';
import { AppError } from '../kernel/app-error';
import type { Db } from '../kernel/db';
import { migrations } from './migrations';

/** The tables every Yandu library has had since schema 1: what tells a library from another SQLite file. */
const CORE_TABLES = ['documents', 'sections', 'passages', 'settings'];
/** More files than this in the folder are not read: listing stays bounded. */
export const MAX_LISTED_BACKUPS = 200;
const NAME = /^library-(\d{8}T\d{6}\d{3}Z)-(manual|daily|pre-migration|pre-restore)\.db$/;

/** Backups live beside the library, in `backups/` of its folder. */
export function backupsDir(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

function createdAtOf(compact: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(compact)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** A new, unused file name in the backups folder. */
export function newBackupPath(databasePath: string, reason: BackupReason, now = new Date()): string {
  const dir = backupsDir(databasePath);
  fs.mkdirSync(dir, { recursive: true });
  let at = now.getTime();
  let file: string;
  // Two backups in the same millisecond (a restore right after a backup): the later one moves on.
  while (fs.existsSync((file = path.join(dir, `library-${stamp(new Date(at))}-${reason}.db`)))) at++;
  return file;
}

/** The path of a listed backup, from its id; undefined for anything that is not one (no path from outside). */
export function backupPathOf(databasePath: string, id: string): string | undefined {
  if (!NAME.test(`${id}.db`)) return undefined;
  const file = path.join(backupsDir(databasePath), `${id}.db`);
  return fs.existsSync(file) ? file : undefined;
}

export interface LibraryFacts {
  schemaVersion: number;
  documents: number;
  annotations: number;
}

/**
 * Reads a file as a Yandu library without changing it: a SQLite file that passes `quick_check`,
 * has the core tables and a schema this version knows. Anything else is refused with the reason.
 */
export function inspectLibraryFile(file: string, nativeBinding?: string): LibraryFacts {
  let db: Database.Database | undefined;
  const refuse = (reason: string) => new AppError('backup_invalid', { file: path.basename(file), reason });
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw refuse('不是普通文件 / not a regular file');
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw refuse(`完整性检查未通过 / integrity check failed: ${String(check).slice(0, 200)}`);
    const tables = new Set(
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[],
    );
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw refuse(`不是研读资料库 / not a Yandu library (no ${missing.join(', ')})`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > migrations.length)
      throw new AppError('database_too_new', {
        file: path.basename(file),
        found: schemaVersion,
        supported: migrations.length,
      });
    if (schemaVersion < 1) throw refuse('没有结构版本 / no schema version');
    const count = (table: string) =>
      tables.has(table) ? (db!.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0;
    return { schemaVersion, documents: count('documents'), annotations: count('annotations') };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse((error as Error).message.slice(0, 200));
  } finally {
    db?.close();
  }
}

/** Backup file names in the folder, newest first (names sort by time), optionally of one reason. */
function backupNames(databasePath: string, reason?: BackupReason): string[] {
  const dir = backupsDir(databasePath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => {
      const m = NAME.exec(n);
      return m && (!reason || m[2] === reason);
    })
    .sort()
    .reverse();
}

/** When the newest backup of a reason was made (from its name alone: nothing is opened). */
export function lastBackupTime(databasePath: string, reason: BackupReason): number | null {
  const [newest] = backupNames(databasePath, reason);
  return newest ? Date.parse(createdAtOf(NAME.exec(newest)![1]!)) : null;
}

/** One backup, read for its counts; a damaged or foreign one says what is wrong in `problem`. */
export function describeBackup(
  databasePath: string,
  id: string,
  nativeBinding?: string,
): BackupInfo | undefined {
  const file = backupPathOf(databasePath, id);
  const m = NAME.exec(`${id}.db`);
  if (!file || !m) return undefined;
  const stat = fs.statSync(file);
  // A backup does not change once written: its check is done once per file, not per listing.
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
  const cached = described.get(key);
  if (cached) return cached;
  const base = { id, createdAt: createdAtOf(m[1]!), reason: m[2] as BackupReason, bytes: stat.size };
  let info: BackupInfo;
  try {
    info = { ...base, ...inspectLibraryFile(file, nativeBinding), problem: null };
  } catch (error) {
    const problem = error instanceof AppError ? error.localized('zh-CN') : (error as Error).message;
    info = { ...base, documents: null, annotations: null, schemaVersion: null, problem };
  }
  if (described.size >= MAX_LISTED_BACKUPS * 2) described.clear();
  described.set(key, info);
  return info;
}

const described = new Map<string, BackupInfo>();

/** The backups beside a library, newest first, each read for its counts (a damaged one says so). */
export function listBackups(databasePath: string, nativeBinding?: string): BackupInfo[] {
  return backupNames(databasePath)
    .slice(0, MAX_LISTED_BACKUPS)
    .flatMap((name) => describeBackup(databasePath, name.slice(0, -'.db'.length), nativeBinding) ?? []);
}

/** The newest backup that reads as a sound library: what recovery offers when the library is damaged. */
export function newestGoodBackup(databasePath: string, nativeBinding?: string): BackupInfo | undefined {
  return listBackups(databasePath, nativeBinding).find((b) => b.problem === null);
}

/**
 * A consistent copy of an open library, written page by page with SQLite's online backup (it
 * yields to the event loop between steps), first to a temporary name so no half file is listed.
 */
export async function backupTo(db: Db, file: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** A synchronous copy for the moment before a schema upgrade, when nothing else runs yet. */
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/** Removes the oldest backups of one reason beyond `keep`. Returns the ids removed. */
export function pruneBackups(databasePath: string, reason: BackupReason, keep: number): string[] {
  const old = backupNames(databasePath, reason).slice(Math.max(0, keep));
  for (const name of old) fs.rmSync(path.join(backupsDir(databasePath), name), { force: true });
  return old.map((n) => n.slice(0, -'.db'.length));
}

/**
 * Refuses to swap a library another process has open (the app while the CLI restores): SQLite's
 * exclusive lock is free only when no other connection reads or writes it. A file SQLite cannot
 * read at all (a damaged library) has no such readers to protect.
 */
export function assertLibraryFree(target: string, nativeBinding?: string): void {
  if (!fs.existsSync(target)) return;
  let db: Database.Database | undefined;
  try {
    db = new Database(target, { fileMustExist: true, nativeBinding });
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
  } catch (error) {
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code)))
      throw new AppError('library_in_use', { file: path.basename(target) });
  } finally {
    db?.close();
  }
}

/**
 * Puts a checked backup in place of a closed library: copied beside it under a temporary name,
 * then moved over it (`moveIntoPlace`).
 */
export function replaceLibraryFile(databasePath: string, source: string, nativeBinding?: string): void {
  const target = path.resolve(databasePath);
  assertLibraryFree(target, nativeBinding);
  const partial = `${target}.restoring`;
  fs.copyFileSync(source, partial);
  moveIntoPlace(partial, target, nativeBinding);
}

/**
 * Moves a complete library file that lies beside a closed library over it: synced first, renamed
 * over it (atomic on one file system), and the old WAL files removed so SQLite does not replay
 * them onto the new pages. Refused while another program has the library open.
 */
export function moveIntoPlace(partial: string, target: string, nativeBinding?: string): void {
  assertLibraryFree(target, nativeBinding);
  const fd = fs.openSync(partial, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(partial, target);
}
