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
