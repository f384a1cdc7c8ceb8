import { sha256Hex } from '../kernel/crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RemoteObject } from '../../../shared/team/protocol';
import type { CoreContext } from '../kernel/context';
import { deleteWithUndo } from '../documents/domain';
import { importFiles } from '../ingest/domain';
import type { Db } from '../store/database';
import { addConflict, settleVanished } from './conflict-store';
import type { HubClient } from './hub-client';
import { assignDirtyOrderKeys, localDocument } from './local-read';
import { applyLocal } from './local-write';
import { mergeRemote } from './merge-remote';
import { pullPage } from './refused-token';
import { epochSince, isLost, listVanished, noteEpoch, noteLibraryRestore, REFRESH_KEY } from './restores';
import {
  applyingRemote,
  getBase,
  getCursor,
  getState,
  isDirty,
  putBase,
  setApplied,
  setCursor,
  setState,
  unappliedBases,
} from './team-store';

/**
 * Pull: every object whose hub version is above the cursor, page by page in version order, each
 * page applied in one transaction with capture off together with the cursor it advances to. An
 * object not changed here is taken as the hub has it; one changed here is merged three ways.
 */
export interface PullTally {
  pulled: number;
  documents: number;
  cursor: number;
  version: number;
}

function applyRemote(ctx: CoreContext, o: RemoteObject, now: () => Date): void {
  const { db } = ctx;
  const base = getBase(db, o.kind, o.id);
  if (base && !isLost(base) && base.version >= o.version) return;
  if (o.kind === 'document') {
    const here = !!localDocument(db, o.id);
    if (o.deleted && here) {
      deleteWithUndo(ctx, o.id, 'orphan');
      // its metadata corrections are the hub's still: written again when the document comes back
      // (its annotations come back from the set the deletion kept, as after a local delete)
      setApplied(db, 'meta_override', o.id, false);
    }
    putBase(db, o, o.deleted || here);
    return;
  }
  const dirty = isDirty(db, o.kind, o.id);
  if (isLost(base) && o.version <= epochSince(db) && dirty) {
    // the hub's copy from before its restore: what this desktop held above it is offered again on
    // it, the lost copy kept as what it was made from
    putBase(db, o, base!.applied, true);
    return;
  }
  if (!dirty) {
    putBase(db, o, applyLocal(db, o, o.deleted ? null : o.data));
    if (!base) settleVanished(db, o.kind, o.id, now());
    return;
  }
  mergeRemote(db, o.kind, o.id, o, now);
}

/** Objects that arrived before their document or briefing, applied once it is here. */
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
      if (applyLocal(db, o, b.deleted ? null : b.data)) {
        setApplied(db, b.kind, b.id);
        applied++;
      }
    }
  });
  return applied;
}

/**
 * Documents the hub has and this library lacks: the file fetched by hash (verified), kept beside
 * the library, and imported through the ordinary import path, which parses it here.
 */
async function fetchDocuments(
  ctx: CoreContext,
  hub: HubClient,
  inline: boolean,
  now: () => Date,
): Promise<number> {
  const { db } = ctx;
  const dir = `${ctx.databasePath}.team-files`;
  let count = 0;
  for (const b of unappliedBases(db, 100_000)) {
    if (b.kind !== 'document' || b.deleted || !b.data) continue;
    const sha = String(b.data['sha256']);
    const bytes = await hub.getBlob(sha);
    if (sha256Hex(bytes) !== sha) throw new Error(`blob ${sha} did not match its hash`);
    const name = path.basename(String(b.data['fileName'] || `${b.id}.txt`));
    fs.mkdirSync(path.join(dir, sha.slice(0, 16)), { recursive: true });
    const file = path.join(dir, sha.slice(0, 16), name);
    fs.writeFileSync(file, bytes);
    const summary = await importFiles(ctx, [file], { inline });
    const importedId = summary.imported[0]?.id ?? summary.skipped[0]?.existingId;
    applyingRemote(db, () => {
      // The import's own capture row: this document is the hub's, nothing to push.
      db.prepare(`DELETE FROM team_outbox WHERE kind = 'document' AND object_id = ?`).run(importedId ?? b.id);
      if (importedId === b.id) setApplied(db, 'document', b.id);
      else {
        setApplied(db, 'document', b.id);
        addConflict(
          db,
          {
            kind: 'document',
            objectId: b.id,
            reason: 'invalid',
            fields: ['id'],
            local: importedId ? { importedAs: importedId } : null,
            remote: b.data,
            remoteVersion: b.version,
            remoteAuthor: b.authorName,
          },
          now(),
        );
      }
    });
    count++;
  }
  return count;
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
    cursor: getCursor(db).cursor,
    version: 0,
  };
  for (let page = 0; page < (options.maxPages ?? 100_000); page++) {
    const answer = await pullPage(db, hub);
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
          listVanished(db, options.now());
          setState(db, REFRESH_KEY, null);
        });
      break;
    }
  }
  tally.documents = await fetchDocuments(ctx, hub, options.inline, options.now);
  applyWaiting(db);
  return tally;
}
