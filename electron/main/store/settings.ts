import { createHash, randomUUID } from '../kernel/crypto';
import os from 'node:os';
import type { Db } from './database';

/**
 * The `settings` table: every key/value the app remembers (first-run marker, last document read,
 * annotation author, backup policy). The only module that writes SQL against it.
 */
export function getSetting(db: Db, key: string): string | undefined {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as
    { value: string } | undefined;
  return row?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare(
    `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  ).run(key, value);
}

/** The document a fresh start opens: the last one read while it still exists, else the first imported. */
export function defaultDocumentId(db: Db): string | null {
  const row = db
    .prepare(
      `SELECT d.id FROM settings s JOIN documents d ON d.id = s.value WHERE s.key = 'lastDocument'
       UNION ALL SELECT id FROM (SELECT id FROM documents ORDER BY imported_at LIMIT 1)
       LIMIT 1`,
    )
    .get() as { id: string } | undefined;
  return row?.id ?? null;
}

export function rememberLastDocument(db: Db, id: string): void {
  setSetting(db, 'lastDocument', id);
}

const AUTHOR_KEY = 'annotations.author';

/**
 * The name written on new annotations and links: set by the user (or by joining a team), else the
 * system account name. Here rather than in a domain because annotations, links and team sync all
 * read it.
 */
export function getAuthor(db: Db): string {
  const stored = getSetting(db, AUTHOR_KEY);
  if (stored !== undefined) return stored;
  try {
    return os.userInfo().username || '研读用户';
  } catch {
    return '研读用户';
  }
}

export function saveAuthor(db: Db, author: string): void {
  setSetting(db, AUTHOR_KEY, author.trim());
}

/**
 * The library's own id, made on first use: what names its shared collections. A read-only
 * library that never had one is named by its documents instead (stable while they are).
 */
export function libraryId(db: Db): string {
  const known = getSetting(db, 'libraryId');
  if (known) return known;
  if (db.readonly) {
    const ids = db.prepare(`SELECT id FROM documents ORDER BY id`).pluck().all() as string[];
    return `documents-${createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 32)}`;
  }
  const id = randomUUID();
  setSetting(db, 'libraryId', id);
  return id;
}
