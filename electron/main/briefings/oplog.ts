import type { BriefingAction, BriefingHistoryState } from '../../../shared/domain/briefings';
import type { Db } from '../store/database';
import { undoHistory } from '../store/undo-history';
import { loadState, saveState, type BriefingState } from './repository';

/**
 * Undo/redo of briefing edits on the shared undo log (store/undo-history.ts), one history per
 * briefing: each action records the whole briefing before and after it. A briefing is capped (see
 * MAX_ITEMS in service.ts), so a snapshot stays small. Re-anchoring after a replace clears the
 * history of the briefings it touched: their old states point at passages that no longer exist;
 * deleting a briefing deletes its history by cascade.
 */
const history = undoHistory<BriefingState, BriefingAction>({
  kind: 'briefing',
  // Actions kept per briefing (each a whole briefing, up to MAX_ITEMS items, twice).
  keep: 100,
  staleError: 'briefing_history_stale',
  idOf: (state) => state.briefing.id,
  read: (db, id) => loadState(db, id) ?? null,
  same: (current, expected) => JSON.stringify(current) === JSON.stringify(expected),
  write(db, id, target) {
    // Every recorded action edits a briefing that exists before and after it.
    if (!target) throw new Error(`briefing history of ${id} holds a step without a state`);
    saveState(db, target);
  },
});

export function recordAction(
  db: Db,
  briefingId: string,
  action: BriefingAction,
  before: BriefingState,
  after: BriefingState,
  now: string,
): void {
  history.record(db, briefingId, action, [{ before, after }], now);
}

export const clearBriefingLog = (db: Db, briefingId: string) => history.clear(db, briefingId);

/** Applies one step; returns the action it undid or redid, or null when there is none. */
export function applyStep(db: Db, briefingId: string, direction: 'undo' | 'redo'): BriefingAction | null {
  const step = direction === 'undo' ? history.undo(db, briefingId) : history.redo(db, briefingId);
  return step?.action ?? null;
}

export const briefingHistory = (db: Db, briefingId: string): BriefingHistoryState =>
  history.state(db, briefingId);
