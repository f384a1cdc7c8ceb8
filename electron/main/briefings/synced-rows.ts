import type { Db } from '../store/database';
import { statement } from '../store/statements';

/**
 * Briefing rows as the team sync writes them (its own copy of the hub's object, order keys kept by
 * the team): SQL of the briefings table family, here rather than in the sync's logic.
 */
export interface SyncedBriefing {
  id: string;
  title: string;
  audience: string;
  date: string | null;
  updatedAt: string;
}

export function upsertSyncedBriefing(db: Db, b: SyncedBriefing): void {
  statement(
    db,
    `INSERT INTO briefings (id, title, audience, date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET title = excluded.title, audience = excluded.audience, date = excluded.date,
       updated_at = excluded.updated_at`,
  ).run(b.id, b.title, b.audience, b.date, b.updatedAt, b.updatedAt);
}

export const briefingExists = (db: Db, id: string): boolean =>
  !!statement(db, `SELECT 1 FROM briefings WHERE id = ?`).get(id);

export const itemIdsOfBriefing = (db: Db, briefingId: string): string[] =>
  statement(db, `SELECT id FROM briefing_items WHERE briefing_id = ?`).pluck().all(briefingId) as string[];

/** Ordinals 0..n-1 in the order given. */
export function setItemOrdinals(db: Db, ids: readonly string[]): void {
  const set = statement(db, `UPDATE briefing_items SET ordinal = ? WHERE id = ?`);
  ids.forEach((id, ordinal) => set.run(ordinal, id));
}

export const briefingOfItem = (db: Db, id: string): string | undefined =>
  statement(db, `SELECT briefing_id FROM briefing_items WHERE id = ?`).pluck().get(id) as string | undefined;

export function deleteSyncedItem(db: Db, id: string): void {
  statement(db, `DELETE FROM briefing_items WHERE id = ?`).run(id);
}

/** An item row in full (ordinal 0 until the briefing is reordered), replacing any row of that id. */
export interface SyncedItemRow {
  id: string;
  briefingId: string;
  kind: string;
  level: number;
  text: string;
  documentId: string | null;
  passageId: string | null;
  start: number | null;
  end: number | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  editionHash: string | null;
  citation: string;
  status: string | null;
  marks: string;
}

export function putSyncedItem(db: Db, row: SyncedItemRow): void {
  deleteSyncedItem(db, row.id);
  statement(
    db,
    `INSERT INTO briefing_items (id, briefing_id, ordinal, kind, level, text, document_id, passage_id,
       start_offset, end_offset, exact, prefix, suffix, edition_hash, citation, status, marks)
     VALUES (@id, @briefingId, 0, @kind, @level, @text, @documentId, @passageId, @start, @end,
       @exact, @prefix, @suffix, @editionHash, @citation, @status, @marks)`,
  ).run(row);
}
