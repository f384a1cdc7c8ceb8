import type { Change, HubEpoch, RemoteObject, TeamKind } from '../../../shared/team/protocol';
import { sha256Hex } from '../kernel/crypto';
import type { Db } from '../store/database';
import { addConflict } from './conflict-store';
import { readLocal } from './local-read';
import { applyOverBase } from './local-write';
import { canonical } from './merge';
import {
  getPendingPush,
  getState,
  markDirty,
  setCursor,
  setPendingPush,
  setState,
  unmarkDirty,
} from './team-store';
import { dropBase, lostUnqueued, markBasesLost, type BaseCopy, type LostCopy } from './team-bases';

/**
 * Restores from a backup, on either side (issue 14, faults).
 *
 * The hub restored: every pull and push answer names the hub's epoch. Another epoch than the one
 * this desktop knows means the hub went back to version `epochSince`: what this desktop learnt
 * above it (its cursor, base copies, a batch in flight) belongs to a history the hub no longer
 * has. Base copies above it are marked lost (version 0: the hub's version of the object is
 * unknown) and kept as the object's ancestor, their objects queued, and the cursor goes back to 0:
 * the pull then brings the hub's copy of each; one from before the restore becomes the base the
 * queued object is offered again on — as it stands here, this member's edits included, with a
 * digest of the lost copy it was made from — and one written since is merged three ways: on the
 * lost copy when the hub's copy names it as its ancestor (another desktop offered again what both
 * had synced), else without a common copy (see merge-remote.ts `guardedMerge`). Others'
 * annotations and links are left to their authors, who offer them again themselves (the hub would
 * otherwise make this member their author).
 *
 * How a restore is noticed: migration 002 of the hub sees a pg_restore; any other restore (the
 * data directory copied back, a dump from before 002) is seen by the cursor check of hub
 * migration 003, for which this desktop keeps the token of its cursor (team-store `setCursor`).
 *
 * The desktop restored: its library (cursor, outbox, base copies) went back in time. The hub
 * remembers the highest cursor each device pulled from; an older one is noted here (`team
 * status`). The ordinary sync then does the rest: the pull from the older cursor brings what the
 * backup lacks, the outbox offers again what the backup had not sent, and a pulled tombstone never
 * loses to an object this library still holds without a base (see `mergeRemote`).
 */
export const LOST_VERSION = 0;
export const EPOCH_KEY = 'hub_epoch';
const EPOCH_SINCE_KEY = 'hub_epoch_since';
export const HUB_RESTORED_KEY = 'hub_restored';
export const LIBRARY_RESTORED_KEY = 'library_restored';
/** Set while the pull from the start after a hub restore has not finished. */
export const REFRESH_KEY = 'hub_refresh';

const AUTHORED: ReadonlySet<TeamKind> = new Set(['annotation', 'link']);

export const currentEpoch = (db: Db): string | undefined => getState(db, EPOCH_KEY);

/** The version the hub went back to in its latest restore (0: never restored since this desktop joined). */
export const epochSince = (db: Db): number => Number(getState(db, EPOCH_SINCE_KEY) ?? 0);

/**
 * Checks an answer's epoch; on a new one, forgets what the lost history taught this desktop (in
 * the caller's transaction). Returns true when the answer came from a restored hub.
 */
export function noteEpoch(db: Db, answer: HubEpoch, me: { id: string }, now: Date): boolean {
  if (!answer.epoch) return false;
  const known = currentEpoch(db);
  if (known === answer.epoch) return false;
  if (known) forgetLostHistory(db, answer.epochSince ?? 0, me);
  setState(db, EPOCH_KEY, answer.epoch);
  setState(db, EPOCH_SINCE_KEY, String(answer.epochSince ?? 0));
  if (known)
    setState(db, HUB_RESTORED_KEY, JSON.stringify({ at: now.toISOString(), since: answer.epochSince ?? 0 }));
  return !!known;
}

function forgetLostHistory(db: Db, since: number, me: { id: string }): void {
  // Pulled again from the start: the hub's copy of each object with a lost base is needed, and
  // those the hub kept from before its backup are at or below `since`, out of a pull's reach.
  setCursor(db, 0, undefined);
  setState(db, REFRESH_KEY, '1');
  const lost = markBasesLost(db, since, LOST_VERSION, currentEpoch(db) ?? '');
  for (const o of lost) if (!AUTHORED.has(o.kind) || o.authorId === me.id) markDirty(db, o.kind, o.id);
  // A batch in flight was built on the lost history: its objects are offered again as they stand.
  requeuePending(db);
}

/** Drops the batch in flight, its objects back in the outbox (read again at the next push). */
export function requeuePending(db: Db): void {
  const pending = getPendingPush(db);
  if (!pending) return;
  for (const c of (JSON.parse(pending.body) as { changes: Change[] }).changes)
    markDirty(db, c.kind as TeamKind, c.id);
  setPendingPush(db, null);
}

/** A base copy from a history the hub lost: its version tells nothing about the hub's copy. */
export const isLost = (base: { version: number } | undefined): boolean => base?.version === LOST_VERSION;

/**
 * The hub's copy is the very copy marked lost here (same data): the hub kept it after all (the
 * restore point of a data-directory restore noticed through a token without its moment is a lower
 * bound, hub migration 005, and can lie below copies it kept), or another desktop offered that copy
 * again unchanged (a delete both had seen, under a new version number). Either way it is the base
 * again: left lost, an edit made here would merge without a common copy, and a re-import made here
 * after that delete would be taken away by it.
 */
export const sameAsLost = (base: BaseCopy | undefined, o: RemoteObject): boolean =>
  isLost(base) && !!base!.ancestor && canonical(base!.ancestor.data) === canonical(o.deleted ? null : o.data);

/**
 * What a re-offered change names as the copy it was made from (hub column `objects.ancestor`):
 * the lost history's epoch, the copy's version in it and a digest of the copy.
 */
export const ancestorMark = (copy: LostCopy): string =>
  `${copy.epoch.slice(0, 8)}.${copy.version}.${sha256Hex(canonical(copy.data)).slice(0, 32)}`;

/**
 * The copy both this desktop's version and the hub's `remote` were made from, when a restore took
 * it off the hub. An object's versions form one line (each made from the one before), so it is the
 * lost copy kept here when the remote was made from that same copy or a later one of the same lost
 * history; when the remote was made from an earlier one and is that copy unchanged, the remote
 * itself is (this desktop's copy was made from it). undefined: no lost copy is involved or none
 * common is known.
 */
export function lostAncestor(
  base: BaseCopy | undefined,
  remote: { ancestor?: string; deleted: boolean; data: Record<string, unknown> | null },
): { data: Record<string, unknown> | null } | undefined {
  const mine = base?.ancestor;
  if (!mine || !remote.ancestor) return undefined;
  const [epoch, version, digest] = remote.ancestor.split('.');
  if (epoch !== mine.epoch.slice(0, 8)) return undefined;
  if (Number(version) > mine.version || remote.ancestor === ancestorMark(mine)) return mine;
  const data = remote.deleted ? null : remote.data;
  return sha256Hex(canonical(data)).slice(0, 32) === digest ? { data } : undefined;
}

/**
 * After the pull from the start that follows a hub restore: an object still holding a lost base
 * and not queued here is another member's that the hub no longer has at all (their desktop may
 * offer it again; if it does, a later pull brings it back). Until then it is listed with this
 * desktop's copy and taken out, so the library equals the hub and nothing is dropped unseen. So is
 * another member's annotation or link queued here only because a new edition moved it: pushed, it
 * would come back on the hub as this member's, whatever its author did with it meanwhile.
 */
export function listVanished(db: Db, now: Date, me: { id: string }): number {
  const rows = lostUnqueued(db, LOST_VERSION, me.id);
  for (const r of rows) {
    if (r.kind === 'document') continue;
    const local = readLocal(db, r.kind, r.id);
    if (local)
      addConflict(
        db,
        {
          kind: r.kind,
          objectId: r.id,
          reason: 'edit',
          fields: ['*'],
          local,
          remote: null,
          remoteVersion: null,
          remoteAuthor: r.authorName,
          base: r.ancestor?.data ?? null,
        },
        now,
      );
    applyOverBase(db, r.kind, r.id, undefined, null, now);
    dropBase(db, r.kind, r.id);
    unmarkDirty(db, r.kind, r.id);
  }
  return rows.length;
}

/** A pull from below the cursor this device once confirmed: the library was restored from a backup. */
export function noteLibraryRestore(db: Db, since: number, deviceCursor: number | undefined, now: Date): void {
  if (deviceCursor === undefined || since >= deviceCursor || getState(db, REFRESH_KEY)) return;
  setState(
    db,
    LIBRARY_RESTORED_KEY,
    JSON.stringify({ at: now.toISOString(), cursor: since, hubHadSeen: deviceCursor }),
  );
}
