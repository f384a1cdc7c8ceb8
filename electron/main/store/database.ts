import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/app-error';
import { assertNotNewer, migrate } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another runtime (the Electron build kept apart from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
}

/** Opens (creating if needed) a library database and migrates it. `:memory:` works for tests. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false });
    // Checked before any pragma that writes, so a newer library is left byte-for-byte as it was.
    assertNotNewer(db, migrations, file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('database_unreadable', { file, reason: (error as Error).message });
  }
  try {
    migrate(db, migrations, file);
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('database_unreadable', { file, reason: (error as Error).message });
  }
  return db;
}
