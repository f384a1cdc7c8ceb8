import type { Db } from './database';

/** How often a waiting writer looks again whether the library is free. */
const POLL_MS = 250;

const isBusy = (error: unknown) => /^SQLITE_BUSY/.test((error as { code?: string }).code ?? '');

/**
 * Waits until no other program holds the library's write lock, saying so once (`onWait`) when it
 * has to wait, instead of blocking silently inside SQLite and failing when busy_timeout runs out.
 * The lock is taken and released at once; returns false if the library stayed busy past `timeoutMs`.
 */
export async function waitUntilWritable(db: Db, onWait: () => void, timeoutMs: number): Promise<boolean> {
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const deadline = Date.now() + timeoutMs;
    for (let told = false; ;) {
      try {
        db.exec('BEGIN IMMEDIATE');
        db.exec('ROLLBACK');
        return true;
      } catch (error) {
        if (!isBusy(error)) throw error;
      }
      if (!told) {
        onWait();
        told = true;
      }
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}
