import { ANCHOR_FIELDS, onlyMoved, type RemoteObject, type TeamKind } from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { addConflict } from './conflict-store';
import { readLocal, type LocalData } from './local-read';
import { applyLocal } from './local-write';
import { pushIfMoved } from './editions';
import { canonical, mergeObject, type MergeResult } from './merge';
import { isLost, lostAncestor } from './restores';
import { markDirty, unmarkDirty } from './team-store';
import { getBase, putBase, type BaseCopy } from './team-bases';

/**
 * Brings a remote object into an object changed here since its base. Used by pull and by a push
 * conflict alike; the library ends with the merge, the base with the hub's copy.
 */
export function mergeRemote(
  db: Db,
  kind: Exclude<TeamKind, 'document'>,
  id: string,
  remote: RemoteObject,
  now: () => Date,
): void {
  const base = getBase(db, kind, id);
  const local = readLocal(db, kind, id);
  const remoteData = remote.deleted ? null : remote.data;
  const guarded = guardedMerge(kind, base, local, remote);
  const { ancestor } = guarded;
  const common = ancestor !== undefined ? ancestor : (base?.data ?? null);
  const { merged, conflicts } = settleQuietly(kind, guarded, ancestor, common, local, remoteData);
  const applied = applyLocal(db, remote, merged);
  putBase(db, remote, applied);
  if (conflicts.length)
    addConflict(
      db,
      {
        kind,
        objectId: id,
        reason: 'edit',
        fields: conflicts,
        local,
        remote: remote.data,
        remoteVersion: remote.version,
        remoteAuthor: remote.author.name,
        ...(ancestor === undefined ? {} : { base: ancestor }),
      },
      now(),
    );
  unmarkDirty(db, kind, id);
  if (canonical(merged) !== canonical(remoteData)) markDirty(db, kind, id);
  // written on the edition held here (arrival re-anchoring): pushed, as a pulled copy moved is
  else pushIfMoved(db, remote);
}

/** Where an object sits, not what anyone wrote: its anchors, or a briefing item's place in its list. */
const POSITION_FIELDS: Partial<Record<TeamKind, readonly string[]>> = {
  ...ANCHOR_FIELDS,
  briefing_item: ['orderKey'],
};

/** The object without its position: what its authors wrote. */
const writing = (kind: TeamKind, d: LocalData): string =>
  canonical(d && Object.fromEntries(Object.entries(d).filter(([k]) => !POSITION_FIELDS[kind]?.includes(k))));

/**
 * What the merge left as clashes, less those that are no clash of two people's writing, settled
 * without a listing: a delete against a side that only moved the object since the common copy (a
 * position is nobody's writing: the delete stands); positions that differ (the hub's, or an
 * author's resize here against a mere move there, see `settleMove`), listed with a clash of
 * writing only as the fields written. (A member against their own copy stays listed: which of the
 * two is their later writing is not known here; a library put back from a backup holds the older.)
 */
function settleQuietly(
  kind: TeamKind,
  result: MergeResult,
  ancestor: LocalData | undefined,
  common: LocalData,
  local: LocalData,
  remote: LocalData,
): MergeResult {
  const { conflicts } = result;
  if (!conflicts.length) return result;
  if (conflicts[0] === '*') {
    // (judged on a known common copy only: a base a hub restore lost tells nothing)
    const standing = local ?? remote;
    const moved = !!ancestor && writing(kind, standing) === writing(kind, ancestor);
    return moved ? { merged: null, conflicts: [] } : result;
  }
  const position = POSITION_FIELDS[kind] ?? [];
  const written = conflicts.filter((f) => !position.includes(f));
  if (written.length === conflicts.length) return result;
  const moved = written.length ? 'remote' : settleMove(kind, common, local, remote);
  return { merged: moved === 'remote' ? result.merged : { ...result.merged, ...moved }, conflicts: written };
}

const RANDOM_IDS: ReadonlySet<TeamKind> = new Set(['annotation', 'link', 'briefing', 'briefing_item']);

/**
 * The three-way merge, with what a restore (here or on the hub) leaves behind. An object with a
 * random id is on the hub only because some library pushed it, and one changed here without a
 * base can meet the hub's copy only after this library went back to a backup taken before it
 * synced the object: the hub's tombstone against the object still held here (never brought back
 * silently), or the hub's copy against a delete made here since, is listed, the hub's side kept.
 * After a hub restore, the lost copy kept here is the common ancestor when the hub's copy was
 * offered again from that same copy; a lost base the hub's copy does not name is no common
 * ancestor: both sides count as changed, and an edit against a delete is listed too.
 * `ancestor`: the copy the merge was judged on (undefined: none known).
 */
function guardedMerge(
  kind: TeamKind,
  base: BaseCopy | undefined,
  local: LocalData,
  remoteObject: RemoteObject,
): MergeResult & { ancestor: LocalData | undefined } {
  const remote = remoteObject.deleted ? null : remoteObject.data;
  const common = lostAncestor(base, remoteObject);
  if (common) return { ...mergeObject(common.data, local, remote), ancestor: common.data };
  const lost = isLost(base);
  const baseData = base && !base.deleted && !lost ? base.data : null;
  const noBase = !base || lost || base.deleted;
  const ancestor = lost ? undefined : baseData;
  if (noBase && (local === null) !== (remote === null) && (lost || RANDOM_IDS.has(kind)))
    return { merged: remote, conflicts: ['*'], ancestor: lost || !base ? undefined : null };
  return { ...mergeObject(baseData, local, remote), ancestor };
}

/**
 * A clash of positions only, where one side merely moved the object to other passages (a new
 * edition re-anchored it: the replace's alignment on one desktop, the quote search on arrival on
 * another): a position is nobody's writing, so it is not listed. The other side's position stands
 * when it is an author's resize there (its quote changed), else the hub's. Returns the anchor
 * fields to keep ('remote': the hub's).
 */
function settleMove(
  kind: TeamKind,
  base: LocalData,
  local: LocalData,
  remote: LocalData,
): Record<string, unknown> | 'remote' {
  const anchor = ANCHOR_FIELDS[kind] ?? [];
  if (!local || !remote || !anchor.length) return 'remote';
  const at = (d: LocalData) => d && Object.fromEntries(anchor.map((k) => [k, d[k]]));
  const mere = (d: LocalData) => onlyMoved(kind, at(base), at(d)) && d?.['quote'] === base?.['quote'];
  return mere(remote) && !mere(local) ? at(local)! : 'remote';
}
