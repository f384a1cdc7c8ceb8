import type { MemberRef, RemoteObject, TeamKind } from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/** Hub version up to which this library has seen every change (team_state). */
export const CURSOR_KEY = 'cursor';
/** The hub's token of that version (hub migration 003): a restored hub no longer has the pair. */
const CURSOR_TOKEN_KEY = 'cursor_token';

/** SQL of the team_* tables (migration 010): outbox, base copies, conflicts, pending push, state. */

export interface OutboxEntry {
  seq: number;
  kind: TeamKind;
  id: string;
}

export interface BaseCopy {
  kind: TeamKind;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
  authorId: string | null;
  authorName: string | null;
  applied: boolean;
  /** The copy a hub restore lost, kept as the common ancestor until the object is settled (see restores.ts). */
  ancestor: LostCopy | null;
}

/** A base copy of a history the hub lost: the epoch of that history and the copy's version in it. */
export interface LostCopy {
  epoch: string;
  version: number;
  data: Record<string, unknown> | null;
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

type BaseRow = Omit<BaseCopy, 'deleted' | 'data' | 'applied' | 'ancestor'> & {
  deleted: number;
  base: string | null;
  applied: number;
  ancestor: string | null;
};
const fromBaseRow = (r: BaseRow): BaseCopy => ({
  kind: r.kind,
  id: r.id,
  version: r.version,
  deleted: r.deleted === 1,
  data: r.base === null ? null : (JSON.parse(r.base) as Record<string, unknown>),
  authorId: r.authorId,
  authorName: r.authorName,
  applied: r.applied === 1,
  ancestor: r.ancestor === null ? null : (JSON.parse(r.ancestor) as LostCopy),
});
const BASE_SELECT = `SELECT kind, object_id AS id, version, deleted, base, author_id AS authorId,
  author_name AS authorName, applied, ancestor FROM team_objects`;

export function getBase(db: Db, kind: TeamKind, id: string): BaseCopy | undefined {
  const row = statement(db, `${BASE_SELECT} WHERE kind = ? AND object_id = ?`).get(kind, id) as
    BaseRow | undefined;
  return row && fromBaseRow(row);
}

export function unappliedBases(db: Db, limit: number): BaseCopy[] {
  return (
    statement(db, `${BASE_SELECT} WHERE applied = 0 ORDER BY version LIMIT ?`).all(limit) as BaseRow[]
  ).map(fromBaseRow);
}

/**
 * The live base copies of the objects anchored in a document as the hub has them: annotations and
 * excerpts naming it, links with an end in its passages (ids `<documentId>-…`). One scan per replace.
 */
export function basesAnchoredIn(db: Db, documentId: string): BaseCopy[] {
  return (
    statement(
      db,
      `${BASE_SELECT} WHERE deleted = 0 AND kind IN ('annotation', 'link', 'briefing_item') AND (
         json_extract(base, '$.documentId') = @doc OR json_extract(base, '$.payload.documentId') = @doc
         OR substr(json_extract(base, '$.fromPassageId'), 1, length(@prefix)) = @prefix
         OR substr(json_extract(base, '$.toPassageId'), 1, length(@prefix)) = @prefix)`,
    ).all({ doc: documentId, prefix: `${documentId}-` }) as BaseRow[]
  ).map(fromBaseRow);
}

/** Forgets the base copy of an object (the hub turned out not to hold it). */
export function dropBase(db: Db, kind: TeamKind, id: string): void {
  statement(db, `DELETE FROM team_objects WHERE kind = ? AND object_id = ?`).run(kind, id);
}

/** Every live base copy of some kinds: what the hub holds as far as this client knows. */
export function liveBases(db: Db): BaseCopy[] {
  return (statement(db, `${BASE_SELECT} WHERE deleted = 0 ORDER BY kind, object_id`).all() as BaseRow[]).map(
    fromBaseRow,
  );
}

/**
 * Writes the base copy. The lost ancestor goes with it (the object is settled with the hub) unless
 * `keepAncestor`: the hub's older copy became the base a lost change is offered again on.
 */
export function putBase(db: Db, o: RemoteObject, applied = true, keepAncestor = false): void {
  statement(
    db,
    `INSERT INTO team_objects (kind, object_id, version, deleted, base, author_id, author_name, updated_at, applied)
     VALUES (@kind, @id, @version, @deleted, @base, @authorId, @authorName, @updatedAt, @applied)
     ON CONFLICT (kind, object_id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,
       base = excluded.base, author_id = excluded.author_id, author_name = excluded.author_name,
       updated_at = excluded.updated_at, applied = excluded.applied,
       ancestor = CASE WHEN @keepAncestor = 1 THEN ancestor END`,
  ).run({
    kind: o.kind,
    id: o.id,
    version: o.version,
    deleted: o.deleted ? 1 : 0,
    base: o.data === null ? null : JSON.stringify(o.data),
    authorId: o.author.id,
    authorName: o.author.name,
    updatedAt: o.updatedAt,
    applied: applied ? 1 : 0,
    keepAncestor: keepAncestor ? 1 : 0,
  });
}

/**
 * A hub restore lost every version above `since`: those base copies get version `lostVersion` and
 * keep their copy as the ancestor (an earlier restore's ancestor, not yet settled, stays: it is
 * what this desktop's copy was made from). Returns the objects marked.
 */
export function markBasesLost(
  db: Db,
  since: number,
  lostVersion: number,
  lostEpoch: string,
): { kind: TeamKind; id: string; authorId: string | null }[] {
  const lost = statement(
    db,
    `SELECT kind, object_id AS id, author_id AS authorId FROM team_objects WHERE version > ?`,
  ).all(since) as { kind: TeamKind; id: string; authorId: string | null }[];
  statement(
    db,
    `UPDATE team_objects SET version = ?, ancestor = coalesce(ancestor,
       json_object('epoch', ?, 'version', version, 'data', json(CASE WHEN deleted = 1 THEN 'null' ELSE base END)))
      WHERE version > ?`,
  ).run(lostVersion, lostEpoch, since);
  return lost;
}

/**
 * Base copies still lost after the pull from the start (documents aside) and not queued here; or
 * queued, when they are another member's annotation or link (only a move of it made here, by a new
 * edition's re-anchoring: offering it would make this member the author of what its author deleted).
 */
export function lostUnqueued(db: Db, lostVersion: number, me: string): BaseCopy[] {
  return (
    statement(
      db,
      `${BASE_SELECT} WHERE version = @lost AND kind <> 'document'
        AND (NOT EXISTS (SELECT 1 FROM team_outbox x WHERE x.kind = team_objects.kind AND x.object_id = team_objects.object_id)
          OR (kind IN ('annotation', 'link') AND coalesce(author_id, '') <> @me))`,
    ).all({ lost: lostVersion, me }) as BaseRow[]
  ).map(fromBaseRow);
}

/** Marks a base copy as standing in the library (or waiting, applied = false, for its document). */
export function setApplied(db: Db, kind: TeamKind, id: string, applied = true): void {
  statement(db, `UPDATE team_objects SET applied = ? WHERE kind = ? AND object_id = ?`).run(
    applied ? 1 : 0,
    kind,
    id,
  );
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
