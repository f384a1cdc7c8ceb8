import { detachOrphans, forgetDetachedSince, type StoredAnnotation } from '../annotations/domain';
import type { KindData, TeamKind } from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { documentHeading } from '../store/document-lookup';
import { getAuthor } from '../store/settings';
import {
  annotationFromTeam,
  localDocument,
  readAnnotation,
  readMetaOverride,
  type LocalData,
} from './local-read';
import { same } from './merge';
import {
  allRemovedAnnotations,
  annotationIdsOf,
  putRemovedAnnotation,
  putRemovedOverride,
  removedAnnotation,
  removedOverride,
} from './removed-store';
import { isLost } from './restores';
import { markDirty, teamMember } from './team-store';
import { getBase, setApplied, type BaseCopy } from './team-bases';

/**
 * A synced document deleted here, by this member or by a pulled tombstone (the team's delete
 * hook, inside the delete transaction, while its rows still stand). The hub keeps the document's
 * annotations, links and corrections as orphans and gives them back when the document returns, so
 * in a team library they come back from the hub's copies (`applyWaiting`, at the sync after the
 * document is back), never from the set the deletion kept here: that set is a copy of the moment
 * of the deletion, and merging it later would bring back what was deleted since and put older
 * words over newer ones. It is dropped. Each annotation is kept instead as it stood (team_removed_
 * annotations): that copy is its local side while the document is away, so what the hub has not
 * seen yet (a new annotation, an edit made before the deletion) is still offered to it, a change
 * the hub accepted and then lost in a restore is offered again, and a pulled change of it is
 * merged there. It goes when the document comes back and the annotation stands in it again.
 *
 * An annotation's base copy set waiting (applied = 0) is what tells "removed with its document"
 * from "deleted by its author" at the push (see push.ts `keptByDeletedDocument`).
 */
export function keepRemovedWithDocument(db: Db, documentId: string): void {
  if (!teamMember(db)) return;
  for (const id of annotationIdsOf(db, documentId)) {
    const base = getBase(db, 'annotation', id);
    const local = readAnnotation(db, id);
    if (!local) continue;
    putRemovedAnnotation(db, id, local);
    // (one whose base a hub restore lost is queued already when it is this member's to offer again)
    if (!base || (!base.deleted && !isLost(base) && !same(local, base.data))) markDirty(db, 'annotation', id);
    if (base) setApplied(db, 'annotation', id, false);
  }
  // its corrections: the hub's copy is written again when the document comes back; one made here
  // that the hub has not seen is kept as it stood and offered, as an annotation is
  const override = readMetaOverride(db, documentId);
  const overrideBase = getBase(db, 'meta_override', documentId);
  if (override) {
    putRemovedOverride(db, documentId, override);
    const held = overrideBase && !overrideBase.deleted ? overrideBase.data : null;
    if (!held || (!isLost(overrideBase) && !same(override, held))) markDirty(db, 'meta_override', documentId);
  }
  if (overrideBase) setApplied(db, 'meta_override', documentId, false);
  forgetDetachedSince(db, documentId, 0);
}

/** An annotation or correction removed with its document and kept as it stood: its hub copy waits for the document. */
export function removedWithDocument(db: Db, kind: TeamKind, id: string): boolean {
  if (kind === 'meta_override') return !localDocument(db, id) && !!removedOverride(db, id);
  return kind === 'annotation' && !readAnnotation(db, id) && !!removedAnnotation(db, id);
}

/**
 * Leaving the team: the annotations kept here for documents that are away (team_removed_annotations,
 * which leaving clears with the rest of the team's state) become what a solo library keeps when it
 * deletes a document, a detached set per document that a later import of it takes back. Without
 * this they would live on the hub only. Returns the documents a set was kept for.
 */
export function detachRemovedOnLeave(db: Db, now = new Date()): string[] {
  const byDocument = new Map<string, StoredAnnotation[]>();
  const at = now.toISOString();
  for (const { id, data } of allRemovedAnnotations(db)) {
    if (readAnnotation(db, id)) continue;
    const d = data as KindData['annotation'];
    const list = byDocument.get(d.documentId) ?? [];
    list.push(
      annotationFromTeam(id, d, {
        passageId: null,
        // the hub's last author of it, else this member's own (never synced)
        author: getBase(db, 'annotation', id)?.authorName ?? getAuthor(db),
        created: at,
        updated: at,
        status: 'orphaned',
        editionHash: '',
        history: [],
      }),
    );
    byDocument.set(d.documentId, list);
  }
  for (const [documentId, list] of byDocument) {
    const title =
      documentHeading(db, documentId)?.title ?? getBase(db, 'document', documentId)?.data?.['title'];
    detachOrphans(db, documentId, typeof title === 'string' ? title : null, list, now);
  }
  return [...byDocument.keys()];
}

/**
 * An annotation or metadata correction gone with its document's deletion here is no delete: the
 * hub keeps them for everyone, as orphans, until the document comes back. Only the document's own
 * tombstone travels. An annotation its author deleted before the document went (its base copy
 * still standing, not waiting: see `keepRemovedWithDocument`) is a delete like any other.
 */
export function keptByDeletedDocument(
  db: Db,
  kind: TeamKind,
  id: string,
  local: LocalData | 'unavailable',
  base: BaseCopy | undefined,
): boolean {
  const baseData = base && !base.deleted ? base.data : null;
  if (local !== null || !baseData) return false;
  if (kind === 'annotation') return !base!.applied && !localDocument(db, String(baseData['documentId']));
  if (kind !== 'meta_override' || localDocument(db, id)) return false;
  // the corrections wait for the document, as a pulled one does (see pull.ts)
  setApplied(db, kind, id, false);
  return true;
}
