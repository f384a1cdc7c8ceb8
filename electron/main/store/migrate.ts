import type Database from 'better-sqlite3';
import { AppError } from '../kernel/app-error';
import type { Migration } from './migrations/types';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotNewer(db: Database.Database, list: readonly Migration[], file: string): void {
  const found = schemaVersion(db);
  if (found > list.length) {
    db.close();
    throw new AppError('database_too_new', { file, found, supported: list.length });
  }
}

export function assertOrdered(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Brings the database to the newest schema. Each migration runs in its own transaction together
 * with its `user_version` bump, so a crash leaves the database at the last complete version.
 * A database written by a newer Yandu is refused untouched rather than guessed at.
 */
export function migrate(db: Database.Database, list: readonly Migration[], file = ':memory:'): number {
  assertOrdered(list);
  const latest = list.length;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError('database_too_new', { file, found: current, supported: latest });
  }
  for (const migration of list.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
