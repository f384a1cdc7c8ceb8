import type { PassageLink } from '../../../shared/domain/xref';
import { AppError } from '../kernel/app-error';
import type { Db } from '../store/database';
import { statement } from '../store/statements';
import { getLink, putLink, removeLink } from './link-store';

/**
 * Undo/redo of link actions, kept in the library (passage_link_ops) like the annotations' log:
 * each action stores every changed link's state before and after; undo restores `before` of the
 * newest batch not undone, redo `after` of the oldest undone one; a new action drops the redo
 * branch. A step whose expected state no longer matches (the link changed elsewhere) is refused.
 * One log for the library: a link belongs to two documents, not one.
 */
const KEEP_BATCHES = 200;

export type LinkAction = 'create' | 'update' | 'delete' | 'import';

export interface LinkChange {
  before: PassageLink | null;
  after: PassageLink | null;
}

export interface LinkHistoryStep {
  action: LinkAction;
  linkIds: string[];
}

const json = (l: PassageLink | null) => (l ? JSON.stringify(l) : null);
const parse = (s: string | null) => (s ? (JSON.parse(s) as PassageLink) : null);
/** Status is derived from the ends, and the ends may move by re-anchoring: compare what the user edits. */
const essence = (l: PassageLink | null | undefined) =>
  l
    ? JSON.stringify([l.id, l.note, l.fromDocumentId, l.toDocumentId, l.fromText, l.toText, l.author])
    : 'null';

export function recordLinkBatch(db: Db, action: LinkAction, changes: LinkChange[], now: string): void {
  if (!changes.length) return;
  statement(db, `DELETE FROM passage_link_ops WHERE undone = 1`).run();
  const batch = statement(db, `SELECT coalesce(max(batch), 0) + 1 FROM passage_link_ops`)
    .pluck()
    .get() as number;
  const insert = statement(
    db,
    `INSERT INTO passage_link_ops (batch, action, link_id, before, after, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const { before, after } of changes)
    insert.run(batch, action, (after ?? before)!.id, json(before), json(after), now);
  statement(
    db,
    `DELETE FROM passage_link_ops WHERE batch < (
       SELECT DISTINCT batch FROM passage_link_ops ORDER BY batch DESC LIMIT 1 OFFSET ?)`,
  ).run(KEEP_BATCHES - 1);
}

interface OpRow {
  batch: number;
  action: LinkAction;
  link_id: string;
  before: string | null;
  after: string | null;
}

function batchOps(db: Db, undone: 0 | 1): OpRow[] {
  const pick = undone ? 'min' : 'max';
  return statement(
    db,
    `SELECT batch, action, link_id, before, after FROM passage_link_ops
     WHERE batch = (SELECT ${pick}(batch) FROM passage_link_ops WHERE undone = ?) ORDER BY seq`,
  ).all(undone) as OpRow[];
}

function apply(db: Db, direction: 'undo' | 'redo'): LinkHistoryStep | null {
  return db.transaction(() => {
    const ops = batchOps(db, direction === 'undo' ? 0 : 1);
    if (!ops.length) return null;
    for (const op of direction === 'undo' ? [...ops].reverse() : ops) {
      const [expected, target] =
        direction === 'undo' ? [parse(op.after), parse(op.before)] : [parse(op.before), parse(op.after)];
      const current = getLink(db, op.link_id);
      if (essence(current) !== essence(expected))
        throw new AppError('link_history_stale', { id: op.link_id });
      // Ends stay where re-anchoring put them; a restored link takes its recorded ends when they still exist.
      if (target)
        putLink(db, current ? { ...target, from: current.from, to: current.to } : liveEnds(db, target));
      else removeLink(db, op.link_id);
    }
    statement(db, `UPDATE passage_link_ops SET undone = ? WHERE batch = ?`).run(
      direction === 'undo' ? 1 : 0,
      ops[0]!.batch,
    );
    return { action: ops[0]!.action, linkIds: [...new Set(ops.map((o) => o.link_id))] };
  })();
}

function liveEnds(db: Db, l: PassageLink): PassageLink {
  const exists = statement(db, `SELECT 1 FROM passages WHERE id = ?`).pluck();
  return {
    ...l,
    from: l.from && exists.get(l.from) ? l.from : null,
    to: l.to && exists.get(l.to) ? l.to : null,
  };
}

export const undoLink = (db: Db) => apply(db, 'undo');
export const redoLink = (db: Db) => apply(db, 'redo');

export function linkHistory(db: Db): { undo: LinkAction | null; redo: LinkAction | null } {
  return { undo: batchOps(db, 0)[0]?.action ?? null, redo: batchOps(db, 1)[0]?.action ?? null };
}
