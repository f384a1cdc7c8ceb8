import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel/app-error';
import { LIBRARY_PAGE_SIZE } from './database';

/**
 * Compacting a library: a copy written with `VACUUM INTO` in the layout new libraries have (8 KB
 * pages, `auto_vacuum = INCREMENTAL`, no free pages), checked, then moved over the library. The
 * library itself is only read until that last rename, so an interruption leaves it as it was.
 */

/** Room kept free beyond the copy: the WAL and the journal of whatever else runs meanwhile. */
const SPARE_BYTES = 16 * 1024 * 1024;
const AUTO_VACUUM_INCREMENTAL = 2;

/** Libraries being compacted by this process: their writes are refused until it is done. */
const compacting = new Set<string>();

export const isCompacting = (databasePath: string) => compacting.has(path.resolve(databasePath));

/** Marks a compaction of the library as running; refused if one already is. Returns its end. */
export function beginCompaction(databasePath: string): () => void {
  const key = path.resolve(databasePath);
  if (compacting.has(key)) throw new AppError('library_compacting');
  compacting.add(key);
  return () => compacting.delete(key);
}

/** Where the copy is written: beside the library, so the final rename stays on one file system. */
export const compactCopyPath = (databasePath: string) => `${path.resolve(databasePath)}.compacting`;

/** The library's bytes on disk: its file and its WAL. */
export function librarySize(databasePath: string): number {
  const size = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return size(databasePath) + size(`${databasePath}-wal`);
}

/** Refuses when the library's folder lacks room for a copy as large as the library. */
export function assertRoomForCopy(
  databasePath: string,
  freeBytes = (dir: string) => {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  },
): void {
  const needed = librarySize(databasePath) + SPARE_BYTES;
  const free = freeBytes(path.dirname(path.resolve(databasePath)));
  if (free < needed) {
    const mb = (n: number) => Math.ceil(n / 1048576);
    throw new AppError('compact_no_room', { neededMb: mb(needed), freeMb: Math.floor(free / 1048576) });
  }
}

const refuse = (file: string, reason: string) =>
  new AppError('compact_refused', { file: path.basename(file), reason: reason.slice(0, 300) });

/**
 * Holds the library's write lock while the copy is made: neither this app nor another program
 * commits meanwhile (reads go on), so the copy has every change. `takeWhole` then makes sure no
 * other program has the library open and nothing was committed since, before the file is swapped.
 */
export class WriteHold {
  private readonly db: Database.Database;
  private readonly version: number;

  constructor(
    private readonly file: string,
    nativeBinding?: string,
  ) {
    this.db = new Database(file, { fileMustExist: true, nativeBinding });
    try {
      this.db.pragma('busy_timeout = 0');
      this.db.exec('BEGIN IMMEDIATE');
      this.version = this.db.pragma('data_version', { simple: true }) as number;
    } catch (error) {
      this.db.close();
      throw isBusy(error) ? refuse(file, '另一个程序正在写入 / another program is writing it') : error;
    }
  }

  /** Exclusive use of the library with its WAL written back into the file; throws otherwise. */
  takeWhole(): void {
    this.db.exec('ROLLBACK');
    this.db.pragma('locking_mode = EXCLUSIVE');
    try {
      this.db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      if (isBusy(error)) throw new AppError('library_in_use', { file: path.basename(this.file) });
      throw error;
    }
    if (this.db.pragma('data_version', { simple: true }) !== this.version)
      throw refuse(this.file, '压缩期间资料库被修改 / the library changed meanwhile');
    this.db.exec('COMMIT');
    const [done] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (done?.busy) throw new AppError('library_in_use', { file: path.basename(this.file) });
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}

const isBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code));

export interface CopyFacts {
  pageSize: number;
  autoVacuum: 'incremental';
  /** Rows per table, the same in the library and in the copy. */
  rows: Record<string, number>;
}

function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t] = db
      .prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`)
      .pluck()
      .get() as number;
  return counts;
}

/**
 * Writes the compact copy of `source` to `target` and checks it: `quick_check`, the new layout,
 * and the same rows in every table. Runs on its own connections (in the compaction worker); a
 * copy that fails a check is removed and the reason thrown.
 */
export function writeCompactCopy(source: string, target: string, nativeBinding?: string): CopyFacts {
  fs.rmSync(target, { force: true });
  let rows: Record<string, number>;
  // Read-only: nothing here may write the library (a pragma could, see below).
  const db = new Database(source, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    // Only what VACUUM INTO writes takes these: the library's own file keeps its layout. Set on a
    // library that already has it, auto_vacuum would rewrite its header: only asked when it lacks it.
    db.pragma(`page_size = ${LIBRARY_PAGE_SIZE}`);
    if (db.pragma('auto_vacuum', { simple: true }) !== AUTO_VACUUM_INCREMENTAL)
      db.pragma('auto_vacuum = INCREMENTAL');
    db.prepare('VACUUM INTO ?').run(target);
    rows = rowCounts(db);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const check = (copy.prepare('PRAGMA quick_check(5)').pluck().all() as string[]).join('; ');
    if (check !== 'ok') throw refuse(source, `副本完整性检查未通过 / the copy failed its check: ${check}`);
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    const autoVacuum = copy.pragma('auto_vacuum', { simple: true }) as number;
    if (pageSize !== LIBRARY_PAGE_SIZE || autoVacuum !== AUTO_VACUUM_INCREMENTAL)
      throw refuse(source, `副本布局不符 / the copy has page size ${pageSize}, auto_vacuum ${autoVacuum}`);
    const copied = rowCounts(copy);
    const differs = Object.keys({ ...rows, ...copied }).find((t) => rows[t] !== copied[t]);
    if (differs)
      throw refuse(
        source,
        `副本行数不符 / the copy's ${differs} has ${copied[differs]} rows, not ${rows[differs]}`,
      );
    return { pageSize, autoVacuum: 'incremental', rows };
  } catch (error) {
    copy.close();
    fs.rmSync(target, { force: true });
    throw error;
  } finally {
    if (copy.open) copy.close();
  }
}
