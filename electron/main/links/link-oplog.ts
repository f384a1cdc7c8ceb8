import type { PassageLink } from '../../../shared/domain/xref';
import type { Db } from '../store/database';
import { passageWithEdition } from '../store/passage-reader';
import { undoHistory, type UndoChange, type UndoStep } from '../store/undo-history';
import { getLink, putLink, removeLink } from './link-store';

/**
 * Undo/redo of link actions on the shared undo log (store/undo-history.ts), one history for the
 * library: a link belongs to two documents, not one.
 */
export type LinkAction = 'create' | 'update' | 'delete' | 'import';

export type LinkChange = UndoChange<PassageLink>;

export interface LinkHistoryStep {
  action: LinkAction;
  linkIds: string[];
}

/** The library's one link history. */
const LIBRARY = '';

/** Status is derived from the ends, and the ends may move by re-anchoring: compare what the user edits. */
const essence = (l: PassageLink | null | undefined) =>
  l
    ? JSON.stringify([l.id, l.note, l.fromDocumentId, l.toDocumentId, l.fromText, l.toText, l.author])
    : 'null';

/** A restored link takes its recorded ends where their passages still exist. */
function liveEnds(db: Db, l: PassageLink): PassageLink {
  const exists = (id: string | null) => id !== null && passageWithEdition(db, id) !== undefined;
  return { ...l, from: exists(l.from) ? l.from : null, to: exists(l.to) ? l.to : null };
}

const history = undoHistory<PassageLink, LinkAction>({
  kind: 'link',
  // Actions kept for the library.
  keep: 200,
  staleError: 'link_history_stale',
  idOf: (l) => l.id,
  read: getLink,
  same: (current, expected) => essence(current) === essence(expected),
  write(db, id, target, current) {
    if (!target) return removeLink(db, id);
    // Ends stay where re-anchoring put them.
    putLink(db, current ? { ...target, from: current.from, to: current.to } : liveEnds(db, target));
  },
});

export function recordLinkBatch(db: Db, action: LinkAction, changes: LinkChange[], now: string): void {
  history.record(db, LIBRARY, action, changes, now);
}

const toStep = (step: UndoStep<LinkAction> | null): LinkHistoryStep | null =>
  step && { action: step.action, linkIds: step.objectIds };

export const undoLink = (db: Db) => toStep(history.undo(db, LIBRARY));
export const redoLink = (db: Db) => toStep(history.redo(db, LIBRARY));
export const linkHistory = (db: Db) => history.state(db, LIBRARY);
