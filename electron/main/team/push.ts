import { randomUUID } from '../kernel/crypto';
import {
  HUB_LIMITS,
  type Change,
  type PushResponse,
  type RemoteObject,
  type TeamKind,
  AUTHORED_KINDS,
} from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { addConflict } from './conflict-store';
import type { HubClient } from './hub-client';
import { assignDirtyOrderKeys, readLocal, type LocalData } from './local-read';
import { applyOverBase } from './local-write';
import { same } from './merge';
import { mergeRemote } from './merge-remote';
import { documentData, pushIfMoved, settleDocumentConflict } from './editions';
import { sendBatch } from './refused-token';
import {
  ancestorMark,
  currentEpoch,
  epochSince,
  isLost,
  sameAsLost,
  noteEpoch,
  requeuePending,
} from './restores';
import {
  ackOutbox,
  applyingRemote,
  getCursor,
  getPendingPush,
  markDirty,
  setCursor,
  outboxPage,
  setPendingPush,
  type OutboxEntry,
} from './team-store';
import { dropBase, getBase, putBase, type BaseCopy } from './team-bases';
import { keptByDeletedDocument, removedWithDocument } from './document-removal';

/**
 * Push: the outbox, read as each object now stands, in batches of at most 500 changes. A batch
 * is stored with its batchId before it is sent and resent unchanged until the hub answers, so a
 * connection cut after the hub committed replays the stored answer instead of applying twice.
 */
export interface PushTally {
  sent: number;
  accepted: number;
  conflicts: number;
  rejected: number;
}

export interface Me {
  id: string;
  name: string;
}

/**
 * An object as this desktop holds it. One waiting for its document or briefing (base copy not
 * applied) is held as that copy; so it is offered again when a hub restore lost it (it would
 * otherwise read as absent, and its document's absence drop it from the outbox unsent).
 */
function heldHere(
  db: Db,
  kind: Exclude<TeamKind, 'document'>,
  id: string,
  base: BaseCopy | undefined,
): LocalData {
  const local = readLocal(db, kind, id);
  if (local !== null) return local;
  return base && isLost(base) && !base.applied && !base.deleted ? base.data : null;
}

/**
 * Builds and stores the next batch from the oldest outbox page: 'empty' when the outbox is,
 * 'noop' when that page held only objects the hub already has (taken off), else 'ready'.
 */
async function prepareBatch(db: Db, hub: HubClient, now: () => Date): Promise<'empty' | 'noop' | 'ready'> {
  if (!outboxPage(db, 1).length) return 'empty';
  const changes: Change[] = [];
  const seqs: number[] = [];
  const documents = new Map<string, LocalData | 'unavailable'>();
  for (const e of outboxPage(db, HUB_LIMITS.pushChanges))
    if (e.kind === 'document') documents.set(e.id, await documentData(db, hub, e.id));
  db.transaction(() => {
    assignDirtyOrderKeys(db);
    for (const e of outboxPage(db, HUB_LIMITS.pushChanges)) {
      const base = getBase(db, e.kind, e.id);
      const local = e.kind === 'document' ? documents.get(e.id) : heldHere(db, e.kind, e.id, base);
      if (local === undefined) continue; // a document queued after its file was read: next batch
      if (local === 'unavailable') {
        addConflict(
          db,
          {
            kind: 'document',
            objectId: e.id,
            reason: 'invalid',
            fields: ['file'],
            local: null,
            remote: null,
            remoteVersion: null,
            remoteAuthor: null,
          },
          now(),
        );
        ackOutbox(db, e.kind, e.id, e.seq);
        continue;
      }
      const baseData = base && !base.deleted ? base.data : null;
      if (keptByDeletedDocument(db, e.kind, e.id, local, base)) {
        ackOutbox(db, e.kind, e.id, e.seq);
        continue;
      }
      // a lost base is no proof that the hub holds the same: offered again whatever it says
      if (same(local, baseData) && !isLost(base)) {
        ackOutbox(db, e.kind, e.id, e.seq);
        continue;
      }
      changes.push({
        kind: e.kind,
        id: e.id,
        op: local ? 'put' : 'delete',
        baseVersion: base && !isLost(base) ? base.version : null,
        data: local,
        ...(base?.ancestor ? { ancestor: ancestorMark(base.ancestor) } : {}),
      });
      seqs.push(e.seq);
    }
    if (!changes.length) return;
    const batchId = randomUUID();
    const epoch = currentEpoch(db);
    const at = getCursor(db);
    setPendingPush(db, {
      batchId,
      body: JSON.stringify({ batchId, changes, ...(epoch ? { epoch } : {}), ...(at.token ? { at } : {}) }),
      seqs,
    });
  })();
  return changes.length ? 'ready' : 'noop';
}

/** Sends the stored batch (a resend after a cut sends the very same bytes) and settles its answers. */
async function sendPending(db: Db, hub: HubClient, o: PushOptions, tally: PushTally): Promise<void> {
  const { me, now } = o;
  const pending = getPendingPush(db);
  if (!pending) return;
  const { changes } = JSON.parse(pending.body) as { changes: Change[] };
  const answer = await sendBatch(db, hub, pending);
  o.observe?.(changes, answer);
  applyingRemote(db, () => {
    const restored = noteEpoch(db, answer, me, now());
    if (answer.stale) {
      // built on a history the hub no longer has: nothing was applied, the objects go back in the outbox
      requeuePending(db);
      return;
    }
    changes.forEach((change, i) => {
      const result = answer.results[i];
      const entry: OutboxEntry = { seq: pending.seqs[i]!, kind: change.kind as TeamKind, id: change.id };
      tally.sent++;
      if (!result) return;
      if (result.status === 'accepted') {
        tally.accepted++;
        const prior = getBase(db, entry.kind, change.id);
        putBase(
          db,
          {
            kind: entry.kind,
            id: change.id,
            version: result.version ?? answer.version,
            deleted: change.op === 'delete',
            data: change.data,
            author: authorAfter(prior, change, me),
            updatedAt: now().toISOString(),
          },
          // (one waiting for its document or briefing still waits)
          (!prior || prior.applied) && !removedWithDocument(db, entry.kind, change.id),
        );
        ackOutbox(db, entry.kind, entry.id, entry.seq);
      } else if (result.status === 'conflict') {
        tally.conflicts++;
        settleConflict(db, entry, result.current ?? null, change.data, now);
      } else {
        tally.rejected++;
        refuse(db, entry, change, result.status, now);
      }
    });
    setPendingPush(db, null);
    // Every push that accepts anything makes exactly one new library version: when it is the one
    // right after our cursor, nobody else wrote in between and the next pull need not bring back
    // our own changes.
    const { cursor } = getCursor(db);
    if (!restored && answer.results.some((r) => r.status === 'accepted') && answer.version === cursor + 1)
      setCursor(db, answer.version, answer.versionToken);
  });
}

/**
 * Who the hub names as the author of an accepted change: this member, except for a move of another
 * member's annotation or link (a new edition re-anchored it here), which keeps its author. The
 * base copy must say so too: what is written back from it (a document imported again, a refusal
 * undone) would otherwise show this member as the author, and their later edit of it be refused.
 */
function authorAfter(base: BaseCopy | undefined, change: Change, me: Me): { id: string; name: string } {
  const others =
    !!base?.authorId && !base.deleted && base.authorId !== me.id && AUTHORED_KINDS.has(change.kind);
  return others && change.op !== 'delete' ? { id: base.authorId!, name: base.authorName ?? '' } : me;
}

/** The hub holds a newer copy: merge three ways, keep the hub's value where both changed a field. */
function settleConflict(
  db: Db,
  entry: OutboxEntry,
  current: RemoteObject | null,
  sent: Change['data'],
  now: () => Date,
): void {
  const base = getBase(db, entry.kind, entry.id);
  if (current && isLost(base) && (current.version <= epochSince(db) || sameAsLost(base, current))) {
    // The hub still holds the copy it had before the restore (older than the lost one this change
    // was built on, or that very one: the restore point lay below it): the change is offered again
    // on top of the hub's copy, in the next batch.
    putBase(db, current, base!.applied, true);
    markDirty(db, entry.kind, entry.id);
    return;
  }
  if (!current) {
    // The hub never had it though we held a base (a hub restored from an older backup): send it as new.
    if (base) dropBase(db, entry.kind, entry.id);
    markDirty(db, entry.kind, entry.id);
    return;
  }
  if (entry.kind === 'document') {
    settleDocumentConflict(db, entry.id, current, sent, now());
    ackOutbox(db, entry.kind, entry.id, entry.seq);
    return;
  }
  mergeRemote(db, entry.kind, entry.id, current, now);
}

/** A change the hub refused: listed with what was sent, the library put back as the hub has it. */
function refuse(db: Db, entry: OutboxEntry, change: Change, status: string, now: () => Date): void {
  const base = getBase(db, entry.kind, entry.id);
  const hubData = base && !base.deleted ? base.data : null;
  addConflict(
    db,
    {
      kind: entry.kind,
      objectId: entry.id,
      reason: status === 'forbidden' ? 'forbidden' : 'invalid',
      fields: ['*'],
      local: change.data,
      remote: hubData,
      remoteVersion: base?.version ?? null,
      remoteAuthor: base?.authorName ?? null,
    },
    now(),
  );
  ackOutbox(db, entry.kind, entry.id, entry.seq);
  if (entry.kind === 'document') return;
  applyOverBase(db, entry.kind, entry.id, base, hubData, now());
  // the hub's copy put back may land on the edition held here: that move is pushed
  if (base) pushIfMoved(db, base);
}

export interface PushOptions {
  me: Me;
  now: () => Date;
  onBatch?: (tally: PushTally) => void;
  /** Sees every batch with the hub's answer (the sync tests' ledger of accepted changes). */
  observe?: (changes: Change[], answer: PushResponse) => void;
  maxRounds?: number;
}

/**
 * Settles a batch left in flight (its answer lost, maybe to a crash) before anything else: until
 * its answer is known, a pull would show this desktop its own accepted changes as someone else's.
 */
export async function flushPending(db: Db, hub: HubClient, o: PushOptions): Promise<PushTally> {
  const tally: PushTally = { sent: 0, accepted: 0, conflicts: 0, rejected: 0 };
  await sendPending(db, hub, o, tally);
  return tally;
}

/** Resends what was in flight, then pushes the outbox batch by batch (bounded rounds). */
export async function pushAll(db: Db, hub: HubClient, o: PushOptions): Promise<PushTally> {
  const tally: PushTally = { sent: 0, accepted: 0, conflicts: 0, rejected: 0 };
  await sendPending(db, hub, o, tally);
  for (let round = 0; round < (o.maxRounds ?? 10_000); round++) {
    const next = await prepareBatch(db, hub, o.now);
    if (next === 'empty') break;
    if (next === 'ready') await sendPending(db, hub, o, tally);
    o.onBatch?.(tally);
  }
  return tally;
}
