import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/**
 * Prepared statements per connection. A cache of the connection's own objects, not a per-library
 * service: it holds nothing but what `db.prepare` gave, keyed by the connection itself, so a
 * closed or swapped connection (a restore) takes its entries with it and nothing needs stopping.
 */
const caches = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement kept per connection: search asks the same few things for every hit. */
export function statement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
