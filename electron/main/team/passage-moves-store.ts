import type { EditionAlignment } from '../kernel/context';
import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * team_passage_moves: where the passages of the editions this library replaced went (see
 * migration 014). One step always leads to the edition held now: a later replace rewrites the
 * moves that led into the edition it takes away.
 */
export function recordPassageMoves(db: Db, alignment: EditionAlignment): void {
  const { previous, next, counterpart } = alignment;
  const forward = statement(db, `UPDATE team_passage_moves SET new_id = ? WHERE new_id = ?`);
  const put = statement(
    db,
    `INSERT INTO team_passage_moves (old_id, new_id) VALUES (?, ?)
     ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id`,
  );
  previous.forEach((p, i) => {
    const to = counterpart[i]! >= 0 ? next[counterpart[i]!]!.id : null;
    if (to === p.id) return; // the same passage in both editions
    forward.run(to, p.id);
    put.run(p.id, to);
  });
}

/** The passage of the edition held here that a passage of a replaced edition became, if any. */
export function movedPassage(db: Db, passageId: string): string | null {
  const to = statement(db, `SELECT new_id FROM team_passage_moves WHERE old_id = ?`).pluck().get(passageId);
  return typeof to === 'string' ? to : null;
}
