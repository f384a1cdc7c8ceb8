import type { MemberRef, TeamKind } from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/** Hub version up to which this library has seen every change (team_state). */
export const CURSOR_KEY = 'cursor';
/** The hub's token of that version (hub migration 003): a restored hub no longer has the pair. */
const CURSOR_TOKEN_KEY = 'cursor_token';

/**
 * SQL of the team_* tables (migration 008) other than team_objects (team-bases.ts) and
 * team_conflicts (conflict-store.ts): the outbox, the pending push, state and flags, order keys.
 */

export interface OutboxEntry {
  seq: number;
  kind: TeamKind;
  id: string;
}

export function outboxPage(db: Db, limit: number): OutboxEntry[] {
  return statement(db, `SELECT seq, kind, object_id AS id FROM team_outbox ORDER BY seq LIMIT ?`).all(
    limit,
  ) as OutboxEntry[];
}

export function outboxCount(db: Db): number {
  return statement(db, `SELECT count(*) FROM team_outbox`).pluck().get() as number;
}

export function isDirty(db: Db, kind: TeamKind, id: string): boolean {
  return !!statement(db, `SELECT 1 FROM team_outbox WHERE kind = ? AND object_id = ?`).get(kind, id);
}

/** Marks an object changed locally (a merge result the hub has not seen yet). */
export function markDirty(db: Db, kind: TeamKind, id: string): void {
  statement(db, `INSERT OR REPLACE INTO team_outbox (kind, object_id) VALUES (?, ?)`).run(kind, id);
}

/** Takes an object off the outbox unless it changed again after `seq` was read. */
export function ackOutbox(db: Db, kind: TeamKind, id: string, seq: number): void {
  statement(db, `DELETE FROM team_outbox WHERE kind = ? AND object_id = ? AND seq <= ?`).run(kind, id, seq);
}

/** Takes an object off the outbox whatever its seq (a change this desktop must not push, or one settled otherwise). */
export function unmarkDirty(db: Db, kind: TeamKind, id: string): void {
  statement(db, `DELETE FROM team_outbox WHERE kind = ? AND object_id = ?`).run(kind, id);
}

export function clearOutbox(db: Db): void {
  statement(db, `DELETE FROM team_outbox`).run();
}

/** Turns change capture on (in a team) or off (not in one, or applying the hub's objects). */
export function setCapture(db: Db, on: boolean): void {
  statement(db, `UPDATE team_flags SET capture = ? WHERE id = 1`).run(on ? 1 : 0);
}

/** Whether local writes are captured now (joined, and not applying the hub's objects). */
export const capturing = (db: Db): boolean =>
  statement(db, `SELECT capture FROM team_flags WHERE id = 1`).pluck().get() === 1;

/** Runs `fn` in one transaction with capture off: what it writes is the hub's, not the user's. */
export function applyingRemote<T>(db: Db, fn: () => T): T {
  return db.transaction(() => {
    const was = capturing(db);
    setCapture(db, false);
    try {
      return fn();
    } finally {
      setCapture(db, was);
    }
  })();
}

export function getState(db: Db, key: string): string | undefined {
  return statement(db, `SELECT value FROM team_state WHERE key = ?`).pluck().get(key) as string | undefined;
}

/** The member this library joined the team as (null when it is in no team). */
export function teamMember(db: Db): MemberRef | null {
  const member = getState(db, 'member');
  return member ? (JSON.parse(member) as MemberRef) : null;
}

/** The two key → value tables: a null value deletes the key, any other is written over it. */
const KEY_VALUE = {
  team_state: ['key', 'value'],
  team_order_keys: ['item_id', 'order_key'],
} as const;

function putKeyValue(db: Db, table: keyof typeof KEY_VALUE, key: string, value: string | null): void {
  const [k, v] = KEY_VALUE[table];
  if (value === null) statement(db, `DELETE FROM ${table} WHERE ${k} = ?`).run(key);
  else
    statement(
      db,
      `INSERT INTO ${table} (${k}, ${v}) VALUES (?, ?) ON CONFLICT(${k}) DO UPDATE SET ${v} = excluded.${v}`,
    ).run(key, value);
}

export function setState(db: Db, key: string, value: string | null): void {
  putKeyValue(db, 'team_state', key, value);
}

/** The cursor and its token, always written together (a token of another version would mislead the check). */
export function setCursor(db: Db, cursor: number, token: string | undefined): void {
  setState(db, CURSOR_KEY, String(cursor));
  setState(db, CURSOR_TOKEN_KEY, token ?? null);
}

export function getCursor(db: Db): { cursor: number; token?: string } {
  const token = getState(db, CURSOR_TOKEN_KEY);
  return { cursor: Number(getState(db, CURSOR_KEY) ?? 0), ...(token ? { token } : {}) };
}

export interface PendingPush {
  batchId: string;
  body: string;
  seqs: number[];
}

export function getPendingPush(db: Db): PendingPush | undefined {
  const row = statement(
    db,
    `SELECT batch_id AS batchId, body, seqs FROM team_pending_push WHERE id = 1`,
  ).get() as { batchId: string; body: string; seqs: string } | undefined;
  return row && { batchId: row.batchId, body: row.body, seqs: JSON.parse(row.seqs) as number[] };
}

export function setPendingPush(db: Db, p: PendingPush | null): void {
  if (!p) statement(db, `DELETE FROM team_pending_push`).run();
  else
    statement(
      db,
      `INSERT OR REPLACE INTO team_pending_push (id, batch_id, body, seqs) VALUES (1, ?, ?, ?)`,
    ).run(p.batchId, p.body, JSON.stringify(p.seqs));
}

/** Leaving the team: every trace of the hub goes; the library's own data stays as it is. */
export function forgetTeam(db: Db): void {
  db.transaction(() => {
    for (const table of [
      'team_outbox',
      'team_objects',
      'team_order_keys',
      'team_pending_push',
      'team_state',
      'team_removed_annotations',
      'team_removed_overrides',
    ])
      db.prepare(`DELETE FROM ${table}`).run();
    setCapture(db, false);
  })();
}

export function orderKeysOf(db: Db, itemIds: string[]): Map<string, string> {
  const get = statement(db, `SELECT order_key FROM team_order_keys WHERE item_id = ?`).pluck();
  const out = new Map<string, string>();
  for (const id of itemIds) {
    const key = get.get(id) as string | undefined;
    if (key !== undefined) out.set(id, key);
  }
  return out;
}

export function setOrderKey(db: Db, itemId: string, key: string | null): void {
  putKeyValue(db, 'team_order_keys', itemId, key);
}
