import { forgetDetachedSince } from '../annotations/domain';
import type { TeamKind } from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { readAnnotation } from './local-read';
import { same } from './merge';
import { annotationIdsOf, putRemovedAnnotation, removedAnnotation } from './removed-store';
import { isLost } from './restores';
import { markDirty, teamMember } from './team-store';
import { getBase, setApplied } from './team-bases';

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
  // its corrections are the hub's still: written again when the document comes back
  if (getBase(db, 'meta_override', documentId)) setApplied(db, 'meta_override', documentId, false);
  forgetDetachedSince(db, documentId, 0);
}

/** An annotation removed with its document and kept as it stood: its hub copy waits for the document. */
export function removedWithDocument(db: Db, kind: TeamKind, id: string): boolean {
  return kind === 'annotation' && !readAnnotation(db, id) && !!removedAnnotation(db, id);
}
