import type { PullResponse, RemoteObject } from '../../../shared/team/protocol';
import type { CoreContext } from '../kernel/context';
import { deleteWithUndo } from '../documents/domain';
import type { Db } from '../store/database';
import { settleVanished } from './conflict-store';
import {
  bringDocument,
  changedOnlyHere,
  localEdition,
  needsEdition,
  pushIfMoved,
  settleDocumentConflict,
} from './editions';
import type { HubClient } from './hub-client';
import { assignDirtyOrderKeys, localDocument } from './local-read';
import { keptWhileAway } from './removed-store';
import { applyLocal } from './local-write';
import { mergeRemote } from './merge-remote';
import { pullPage } from './refused-token';
import {
  currentEpoch,
  epochSince,
  isLost,
  sameAsLost,
  listVanished,
  lostAncestor,
  noteEpoch,
  noteLibraryRestore,
  REFRESH_KEY,
} from './restores';
import { applyingRemote, getCursor, getState, isDirty, markDirty, setCursor, setState } from './team-store';
import { getBase, putBase, setApplied, unappliedBases, type BaseCopy } from './team-bases';

/**
 * Pull: every object whose hub version is above the cursor, page by page in version order, each
 * page applied in one transaction with capture off together with the cursor it advances to. An
 * object not changed here is taken as the hub has it; one changed here is merged three ways.
 */
export interface PullTally {
  pulled: number;
  /** Documents brought in from the hub's files: imported, or replaced by a new edition. */
  documents: number;
  /** Documents replaced here by the edition another member made. */
  replaced: number;
  cursor: number;
  version: number;
}

function applyRemote(ctx: CoreContext, o: RemoteObject, now: () => Date): void {
  const { db } = ctx;
  const base = getBase(db, o.kind, o.id);
  if (base && !isLost(base) && base.version >= o.version) return;
  if (sameAsLost(base, o)) {
    // the hub kept the copy marked lost, or another desktop offered it again unchanged: what this
    // desktop changed since (queued) goes on it; the lost copy stays its ancestor (the later copies
    // of the lost history that others may offer again are judged against it, see offeredAgain)
    putBase(db, o, base!.applied, true);
    return;
  }
  if (offeredAgain(db, base, o)) {
    // the hub's copy is older than what this desktop held above the restore point: that is offered
    // again on it, the lost copy kept as what it was made from (a document too: a re-import or a
    // new edition the restore lost stays here, the hub's older copy is not applied over it)
    putBase(db, o, base!.applied, true);
    markDirty(db, o.kind, o.id);
    return;
  }
  if (o.kind === 'document') {
    const here = !!localDocument(db, o.id);
    if (changedOnlyHere(db, o, base)) {
      // the hub's copy still holds the edition changed here: the change goes on it
      putBase(db, o);
      return;
    }
    // an edition or a delete made here and not pushed yet, crossed by the hub's delete or edition
    if (crossed(db, o, base, here)) settleDocumentConflict(db, o.id, o, localEdition(db, o.id), now());
    // imported here before this desktop synced it: the import stands, as one made after the delete
    const importedHere = here && !base && isDirty(db, 'document', o.id);
    // what is anchored in it waits for it to come back (the team's delete hook, document-removal.ts)
    if (o.deleted && here && !importedHere) deleteWithUndo(ctx, o.id, 'orphan');
    // another edition than the one held here waits for its file (fetchDocuments)
    putBase(db, o, o.deleted || (here && !needsEdition(db, o.id, o.data)));
    return;
  }
  if (!isDirty(db, o.kind, o.id)) {
    putBase(db, o, applyLocal(db, o, o.deleted ? null : o.data));
    if (!base) settleVanished(db, o.kind, o.id, now());
    pushIfMoved(db, o);
    return;
  }
  mergeRemote(db, o.kind, o.id, o, now);
}

/**
 * The hub's copy is older than the one this desktop held when a hub restore lost it: the hub's
 * copy from before the restore, this desktop's lost copy being queued to be offered again, or (a
 * document: other kinds are merged on the common copy, merge-remote.ts) an older copy of the same
 * lost history that another desktop offered again unchanged. A document's line of copies is one:
 * its delete and the re-import after it were lost together, the desktop that had seen only the
 * delete offering it again must not take the re-import away from the one that made it — also when
 * that one found the hub's old copy equal to its own and had nothing to send (its lost copy, kept
 * as the ancestor until the document is settled, still says where it stands in the line).
 */
function offeredAgain(db: Db, base: BaseCopy | undefined, o: RemoteObject): boolean {
  if (isLost(base) && isDirty(db, o.kind, o.id) && o.version <= epochSince(db)) return true;
  if (o.kind !== 'document' || !base?.ancestor) return false;
  const common = lostAncestor(base, o);
  // (the lost copy kept here is returned when the hub's copy was made from it or a later one)
  return !!common && common !== base.ancestor;
}

/** A document changed here since its base (new edition, or deleted) meets the other on the hub. */
function crossed(db: Db, o: RemoteObject, base: BaseCopy | undefined, here: boolean): boolean {
  if (!base || base.deleted || isLost(base) || !isDirty(db, 'document', o.id)) return false;
  if (!o.deleted) return !here;
  return here && localEdition(db, o.id)?.['contentHash'] !== base.data?.['contentHash'];
}

/**
 * Objects that arrived before their document or briefing, or waited for their document to come
 * back, applied once it is here. An annotation removed with its document and holding a change the
 * hub has not seen comes back as it was kept (merged there with what the hub sent meanwhile), and
 * stays queued.
 */
export function applyWaiting(db: Db): number {
  let applied = 0;
  applyingRemote(db, () => {
    for (const b of unappliedBases(db, 100_000)) {
      if (b.kind === 'document') continue;
      const o: RemoteObject = {
        kind: b.kind,
        id: b.id,
        version: b.version,
        deleted: b.deleted,
        data: b.data,
        author: { id: b.authorId ?? '', name: b.authorName ?? '' },
        updatedAt: new Date().toISOString(),
      };
      const kept = isDirty(db, b.kind, b.id) ? keptWhileAway(db, b.kind, b.id) : null;
      if (applyLocal(db, o, kept ?? (b.deleted ? null : b.data))) {
        setApplied(db, b.kind, b.id);
        pushIfMoved(db, o);
        applied++;
      }
    }
  });
  return applied;
}

/**
 * Documents the hub holds in an edition this library lacks (or lacks altogether): each brought in
 * through the ordinary import path from the hub's file (see editions.ts). A failure is listed once.
 */
async function fetchDocuments(
  ctx: CoreContext,
  hub: HubClient,
  options: { inline: boolean; now: () => Date },
  tally: PullTally,
): Promise<void> {
  removeDeletedDocuments(ctx);
  for (const b of unappliedBases(ctx.db, 100_000)) {
    if (b.kind !== 'document' || b.deleted || !b.data) continue;
    const done = await bringDocument(ctx, hub, b, { ...options, final: true });
    if (done === 'replaced') tally.replaced++;
    tally.documents++;
  }
}

/**
 * Documents the hub deleted that this library still holds because its own push crossed the delete
 * (see editions.ts `settleDocumentConflict`): deleted here as a pulled tombstone is.
 */
export function removeDeletedDocuments(ctx: CoreContext): void {
  const { db } = ctx;
  for (const b of unappliedBases(db, 100_000)) {
    if (b.kind !== 'document' || !b.deleted) continue;
    applyingRemote(db, () => {
      if (localDocument(db, b.id)) deleteWithUndo(ctx, b.id, 'orphan');
      setApplied(db, 'document', b.id);
    });
  }
}

/**
 * The new editions a page brings, replaced before the page is applied: what others re-anchored in
 * them (in the same page) then finds its passages, and this desktop's own re-anchoring is pushed.
 */
async function replaceEditions(
  ctx: CoreContext,
  hub: HubClient,
  answer: PullResponse,
  options: { inline: boolean; now: () => Date },
  tally: PullTally,
): Promise<void> {
  const epoch = currentEpoch(ctx.db);
  if (answer.epoch && epoch && answer.epoch !== epoch) return; // a page of a history the hub lost
  for (const o of answer.changes) {
    if (o.kind !== 'document' || o.deleted || !needsEdition(ctx.db, o.id, o.data)) continue;
    const base = getBase(ctx.db, 'document', o.id);
    if ((base && !isLost(base) && base.version >= o.version) || offeredAgain(ctx.db, base, o)) continue;
    if (changedOnlyHere(ctx.db, o, base)) continue;
    const author = o.author.name;
    const done = await bringDocument(ctx, hub, { ...o, authorName: author }, { ...options, final: false });
    if (done === 'failed') continue;
    tally.replaced++;
    tally.documents++;
  }
}

export async function pullAll(
  ctx: CoreContext,
  hub: HubClient,
  options: {
    inline: boolean;
    now: () => Date;
    me: { id: string };
    onPage?: (t: PullTally) => void;
    maxPages?: number;
  },
): Promise<PullTally> {
  const { db } = ctx;
  const tally: PullTally = {
    pulled: 0,
    documents: 0,
    replaced: 0,
    cursor: getCursor(db).cursor,
    version: 0,
  };
  for (let page = 0; page < (options.maxPages ?? 100_000); page++) {
    const answer = await pullPage(db, hub);
    await replaceEditions(ctx, hub, answer, options, tally);
    // A restored hub: this page answered a cursor of the lost history; start again from the new one.
    const restarted = applyingRemote(db, () => {
      if (noteEpoch(db, answer, options.me, options.now())) return true;
      if (page === 0) noteLibraryRestore(db, tally.cursor, answer.deviceCursor, options.now());
      assignDirtyOrderKeys(db);
      for (const o of answer.changes) applyRemote(ctx, o, options.now);
      setCursor(db, answer.cursor, answer.cursorToken);
      return false;
    });
    if (restarted) {
      tally.cursor = getCursor(db).cursor;
      continue;
    }
    tally.pulled += answer.changes.length;
    tally.cursor = answer.cursor;
    tally.version = answer.version;
    options.onPage?.(tally);
    if (!answer.more) {
      if (getState(db, REFRESH_KEY))
        applyingRemote(db, () => {
          listVanished(db, options.now(), options.me);
          setState(db, REFRESH_KEY, null);
        });
      break;
    }
  }
  await fetchDocuments(ctx, hub, options, tally);
  applyWaiting(db);
  return tally;
}
