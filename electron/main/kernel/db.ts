import type Database from 'better-sqlite3';

/** An open library connection that may write (what `store/database` opens). */
export type Db = Database.Database;

/** A prepared statement that can only read: `run` is not there to call. */
export interface ReadStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(toggle?: boolean): this;
}

/**
 * The library as a reader sees it: statements that read, and whether the file may be written.
 * Every `Db` is one; a function that takes a `ReadDb` says by its type that it never writes,
 * and the compiler holds it to that (no `exec`, no `transaction`, no `run`).
 */
export interface ReadDb {
  readonly readonly: boolean;
  prepare(source: string): ReadStatement;
}
