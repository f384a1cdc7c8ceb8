import fs from 'node:fs';
import path from 'node:path';
import {
  ANCHOR_FIELDS,
  HUB_LIMITS,
  onlyMoved,
  type RemoteObject,
  type TeamKind,
} from '../../../shared/team/protocol';
import type { CoreContext } from '../kernel/context';
import { sha256Hex } from '../kernel/crypto';
import { importFiles } from '../ingest/domain';
import type { Db } from '../store/database';
import { addConflict, type TeamConflict } from './conflict-store';
import type { HubClient } from './hub-client';
import { localDocument, readLocal, type LocalData } from './local-read';
import { isLost } from './restores';
import { same } from './merge';
import { applyingRemote, capturing, isDirty, markDirty, teamMember, unmarkDirty } from './team-store';
import { basesAnchoredIn, getBase, putBase, setApplied, type BaseCopy } from './team-bases';

/**
 * A new edition of a synced document (`yandu import --replace`), both ways. The replacing desktop
 * pushes the document (new file, content hash, title) and every position it re-anchored; a desktop
 * holding another edition performs the same replace with the hub's file, capture off, and its own
 * re-anchoring runs. Any editor may push a position-only change of another member's annotation or
 * link (the hub checks it is no more than that), so the hub does not keep objects on an edition
 * nobody holds when their author never syncs again. The same position pushed by two desktops is no
 * conflict (equal sides merge); a different one takes the hub's (see `mergeRemote`).
 */

/**
 * The team's replace hook, after the other domains re-anchored (the team domain is last): every
 * object anchored in the document whose position changed is pushed. A replace made here captured
 * them already; one pulled from the hub (capture off) marks them. An object of someone else that
 * differs in more than its position is left as it was (an edit of it waiting here is refused by the
 * hub and listed, as ever).
 */
export function settleReanchored(db: Db, documentId: string): void {
  const me = teamMember(db)?.id;
  if (!me) return; // not in a team
  const pulled = !capturing(db);
  for (const base of basesAnchoredIn(db, documentId)) {
    const kind = base.kind as Exclude<TeamKind, 'document'>;
    const local = readLocal(db, kind, base.id);
    if (same(local, base.data)) continue;
    if (pulled && (base.authorId === me || onlyMoved(kind, base.data, local))) markDirty(db, kind, base.id);
  }
}

/**
 * After the hub's copy of an object is written here: arrival re-anchoring (see local-write) may
 * have put it on the edition this desktop holds. That position is pushed, so the hub and every
 * desktop joining later take it; a desktop that finds the same position merges it silently.
 */
export function pushIfMoved(db: Db, o: Pick<RemoteObject, 'kind' | 'id' | 'data' | 'deleted'>): void {
  if (o.deleted || !ANCHOR_FIELDS[o.kind] || !teamMember(db)) return;
  const local = readLocal(db, o.kind as Exclude<TeamKind, 'document'>, o.id);
  if (local && !same(local, o.data) && onlyMoved(o.kind, o.data, local)) markDirty(db, o.kind, o.id);
}

/** The hub's file of a document, verified against its hash and kept beside the library. */
async function fetchFile(ctx: CoreContext, hub: HubClient, id: string, data: Record<string, unknown>) {
  const sha = String(data['sha256']);
  const bytes = await hub.getBlob(sha);
  if (sha256Hex(bytes) !== sha) throw new Error(`blob ${sha} did not match its hash`);
  const name = path.basename(String(data['fileName'] || `${id}.txt`));
  const dir = path.join(`${ctx.databasePath}.team-files`, sha.slice(0, 16));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The hub holds another edition of a document this library has: replace or not. */
export function needsEdition(db: Db, id: string, data: Record<string, unknown> | null): boolean {
  const hash = data?.['contentHash'];
  const local = localDocument(db, id);
  return !!local && typeof hash === 'string' && hash !== local.hash;
}

/** A document as this desktop would describe it to the hub, for a conflict's local side. */
export function localEdition(db: Db, id: string): Record<string, unknown> | null {
  const doc = localDocument(db, id);
  if (!doc) return null;
  return {
    contentHash: doc.hash,
    title: doc.title,
    fileName: doc.sourceFile ? path.basename(doc.sourceFile) : '',
    sourceFile: doc.sourceFile,
  };
}

type HubDocument = Pick<BaseCopy, 'id' | 'version' | 'data' | 'authorName'>;

const listed = (
  db: Db,
  b: HubDocument,
  conflict: Pick<TeamConflict, 'reason' | 'fields' | 'local'> & { base?: Record<string, unknown> },
  now: Date,
) =>
  addConflict(
    db,
    {
      kind: 'document',
      objectId: b.id,
      ...conflict,
      remote: b.data,
      remoteVersion: b.version,
      remoteAuthor: b.authorName,
    },
    now,
  );

/**
 * Brings the hub's document into the library: the same replace as the member who made the
 * edition did, or, for a document this library lacks, an import under the hub's id. The write
 * runs with capture off. A replace made here and not yet accepted loses to the hub's edition (it
 * was first) and is listed, its file still where it was and on the hub. A failure is listed only
 * when `final` (else the caller tries again once its page is applied).
 */
export async function bringDocument(
  ctx: CoreContext,
  hub: HubClient,
  b: HubDocument,
  options: { inline: boolean; now: () => Date; final: boolean },
): Promise<'replaced' | 'imported' | 'failed'> {
  const { db } = ctx;
  const here = !!localDocument(db, b.id);
  const file = await fetchFile(ctx, hub, b.id, b.data!);
  const ownEdition = here && isDirty(db, 'document', b.id) ? localEdition(db, b.id) : null;
  // the edition both were made from, while the base still is (a page's editions come before it)
  const common = getBase(db, 'document', b.id);
  const base =
    common && common.version < b.version && !common.deleted && !isLost(common) ? common.data : null;
  const summary = await importFiles(ctx, [file], {
    inline: options.inline,
    ...(here ? { replace: b.id } : { asId: b.id }),
    writeWith: (write) => applyingRemote(db, write),
  });
  const done = summary.imported[0];
  if (!done && !options.final) return 'failed';
  applyingRemote(db, () => {
    setApplied(db, 'document', b.id);
    if (!done) {
      const existing = summary.skipped[0]?.existingId;
      const local = existing ? { importedAs: existing } : null;
      listed(db, b, { reason: 'invalid', fields: [here ? 'file' : 'id'], local }, options.now());
      return;
    }
    // (queued here with the edition both were made from, a re-import of the same file: nothing to list)
    if (ownEdition && ownEdition['contentHash'] !== base?.['contentHash'])
      listed(
        db,
        b,
        { reason: 'edit', fields: ['contentHash'], local: ownEdition, ...(base ? { base } : {}) },
        options.now(),
      );
    // the edition is the hub's now: nothing of this document to push
    unmarkDirty(db, 'document', b.id);
  });
  return !done ? 'failed' : here ? 'replaced' : 'imported';
}

const MAX_FILE = HUB_LIMITS.blobBytes;

/**
 * A document's synced data, its file uploaded to the hub first (content-addressed, once). The
 * hub's copy stands while this library holds the same edition (content hash); a new edition (a
 * replace) is described by its own file. A base from before the content hash was synced counts
 * as the same edition when its file is the one held here.
 */
export async function documentData(db: Db, hub: HubClient, id: string): Promise<LocalData | 'unavailable'> {
  const doc = localDocument(db, id);
  if (!doc) return null;
  const base = getBase(db, 'document', id);
  // a document the hub lost in a restore may have lost its file too: it goes through the upload
  const held = base && !base.deleted && !isLost(base) ? base.data : null;
  if (held && held['contentHash'] === doc.hash) return held;
  if (!doc.sourceFile || !fs.existsSync(doc.sourceFile))
    return held && !held['contentHash'] ? held : 'unavailable';
  const stat = fs.statSync(doc.sourceFile);
  if (stat.size > MAX_FILE) return 'unavailable';
  const bytes = fs.readFileSync(doc.sourceFile);
  const sha256 = sha256Hex(bytes);
  if (held && held['sha256'] === sha256) return held;
  if (!(await hub.hasBlob(sha256))) await hub.putBlob(sha256, bytes);
  return {
    sha256,
    fileName: path.basename(doc.sourceFile).slice(0, 500),
    title: doc.title.slice(0, 1000),
    bytes: bytes.length,
    contentHash: doc.hash,
  };
}

/**
 * A document changed here (deleted, or replaced by another edition) since its base, while the hub's
 * newer copy still holds the base's edition: the hub's version moved (a delete and import of the
 * same file again elsewhere, an edition offered again after a restore) but nothing of the document
 * changed there, so the change made here stands, to be pushed on the hub's copy.
 */
export function changedOnlyHere(db: Db, o: RemoteObject, base: BaseCopy | undefined): boolean {
  if (o.deleted || !base || base.deleted || isLost(base) || !isDirty(db, 'document', o.id)) return false;
  const edition = base.data?.['contentHash'];
  return o.data?.['contentHash'] === edition && localDocument(db, o.id)?.hash !== edition;
}

/**
 * The hub answered a document this desktop pushed with another copy (a push conflict). The hub
 * serialises: whichever it accepted first stands, and this desktop's own is listed with its common
 * copy (choosing 保留我的 does it again, and the next sync carries it to everyone). So:
 * - another edition made first: listed with this one (its file stays where it is, and on the
 *   hub), and brought here by the next pull;
 * - deleted on the hub while this desktop made a new edition: the delete stands, for a member
 *   decided it and it is undone as easily as made (the file is imported again). Not reviving the
 *   document silently over a colleague's delete, nor keeping it here alone: it is deleted here too
 *   (`removeDeletedDocuments`, with capture off), the edition listed with its file;
 * - a new edition made first on the hub while this desktop deleted the document: the edition
 *   stands and comes back here at the next pull, the delete listed;
 * - the hub holding the very edition this desktop deleted or replaced, as another member's delete
 *   and import of the same file again leave it: no clash (nothing of the document changed there),
 *   the change made here is offered again on the hub's copy (`changedOnlyHere`).
 * The base copy is the hub's, left waiting (applied = 0) when the library must still follow it.
 */
export function settleDocumentConflict(
  db: Db,
  id: string,
  current: RemoteObject,
  sent: Record<string, unknown> | null,
  now: Date,
): void {
  const here = localDocument(db, id);
  const common = getBase(db, 'document', id);
  const base = common && !common.deleted && !isLost(common) ? common.data : undefined;
  const remote = current.deleted ? null : current.data;
  if (changedOnlyHere(db, current, common)) {
    putBase(db, current);
    markDirty(db, 'document', id);
    return;
  }
  const edition = !!here && (current.deleted || needsEdition(db, id, current.data));
  const deleted = !here && !current.deleted;
  if (edition || deleted)
    addConflict(
      db,
      {
        kind: 'document',
        objectId: id,
        reason: 'edit',
        fields: current.deleted || deleted ? ['*'] : ['contentHash'],
        local: here ? { ...sent, sourceFile: here.sourceFile ?? null } : null,
        remote,
        remoteVersion: current.version,
        remoteAuthor: current.author.name,
        ...(base === undefined ? {} : { base }),
      },
      now,
    );
  putBase(db, current, !edition && !deleted);
}
