import type { BriefingAction, BriefingHistoryState } from '../../../shared/domain/briefings';
import { AppError } from '../kernel/app-error';
import type { Db } from '../store/database';
import { loadState, saveState, type BriefingState } from './repository';

/**
 * Undo/redo of briefing edits as an operation log in the library (table briefing_ops), per
 * briefing, like the annotations' log: each action stores the whole briefing before and after it,
 * in the same transaction as the edit, so undo survives a restart and never disagrees with the
 * data. A briefing is capped (see MAX_ITEMS in service.ts), so a snapshot stays small. Undo
 * restores `before` of the newest action not undone; redo restores `after` of the oldest undone
 * one; a new action drops the redo branch. A step whose expected state is not the current one is
 * refused rather than overwriting it. Re-anchoring after a replace clears the log of the briefings
 * it touched: their old states point at passages that no longer exist.
 */
const KEEP_ACTIONS = 100;

export function recordAction(
  db: Db,
  briefingId: string,
  action: BriefingAction,
  before: BriefingState,
  after: BriefingState,
  now: string,
): void {
  db.prepare(`DELETE FROM briefing_ops WHERE briefing_id = ? AND undone = 1`).run(briefingId);
  db.prepare(
    `INSERT INTO briefing_ops (briefing_id, action, before, after, created_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(briefingId, action, JSON.stringify(before), JSON.stringify(after), now);
  db.prepare(
    `DELETE FROM briefing_ops WHERE briefing_id = ? AND seq <= (
       SELECT seq FROM briefing_ops WHERE briefing_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
  ).run(briefingId, briefingId, KEEP_ACTIONS);
}

export function clearBriefingLog(db: Db, briefingId: string): void {
  db.prepare(`DELETE FROM briefing_ops WHERE briefing_id = ?`).run(briefingId);
}

interface OpRow {
  seq: number;
  action: BriefingAction;
  before: string;
  after: string;
}

function nextOp(db: Db, briefingId: string, direction: 'undo' | 'redo'): OpRow | undefined {
  return db
    .prepare(
      `SELECT seq, action, before, after FROM briefing_ops WHERE briefing_id = ? AND undone = ?
       ORDER BY seq ${direction === 'undo' ? 'DESC' : 'ASC'} LIMIT 1`,
    )
    .get(briefingId, direction === 'undo' ? 0 : 1) as OpRow | undefined;
}

/** Applies one step; returns the action it undid or redid, or null when there is none. */
export function applyStep(db: Db, briefingId: string, direction: 'undo' | 'redo'): BriefingAction | null {
  return db.transaction(() => {
    const op = nextOp(db, briefingId, direction);
    if (!op) return null;
    const [expected, target] = direction === 'undo' ? [op.after, op.before] : [op.before, op.after];
    if (JSON.stringify(loadState(db, briefingId) ?? null) !== expected)
      throw new AppError('briefing_history_stale', { id: briefingId });
    saveState(db, JSON.parse(target) as BriefingState);
    db.prepare(`UPDATE briefing_ops SET undone = ? WHERE seq = ?`).run(direction === 'undo' ? 1 : 0, op.seq);
    return op.action;
  })();
}

export function briefingHistory(db: Db, briefingId: string): BriefingHistoryState {
  return {
    undo: nextOp(db, briefingId, 'undo')?.action ?? null,
    redo: nextOp(db, briefingId, 'redo')?.action ?? null,
  };
}
