/**
 * The library's history as the sync answers name it: its epoch (renewed when the hub finds it was
 * restored, migrations 002 and 003) and the token of each version, which lets a desktop's cursor
 * show a restore that left no other trace.
 */
import type pg from 'pg';
import type { HubEpoch } from '../../shared/team/protocol';
import type { CursorSeal } from './cursor-seal';
import { HubError } from './errors';

export interface EpochRow {
  epoch: string;
  epoch_since: number;
}
export const EPOCH_COLUMNS = 'epoch, epoch_since';
export const epochOf = (row: EpochRow | undefined): HubEpoch =>
  row ? { epoch: row.epoch, epochSince: row.epoch_since } : {};

export async function libraryEpoch(client: pg.ClientBase, libraryId: string): Promise<HubEpoch> {
  const { rows } = await client.query<EpochRow>(`SELECT ${EPOCH_COLUMNS} FROM hub.libraries WHERE id = $1`, [
    libraryId,
  ]);
  return epochOf(rows[0]);
}

/**
 * Whether the sender's cursor still names this hub's history (see migrations 003, 005 and 006); a rewound hub
 * starts a new epoch here, so the epoch read next is the new one. Only a token this hub sealed for
 * that very version and epoch is judged (a member could make up any other, and make every desktop
 * pull and offer again); a bare one from before sealing is let pass, and the answer seals the next.
 */
export async function checkCursor(
  client: pg.ClientBase,
  seal: CursorSeal,
  libraryId: string,
  deviceId: string,
  epoch: string | undefined,
  at: { cursor: number; token?: string } | undefined,
): Promise<void> {
  if (!epoch || !at?.token) return;
  const opened = seal.open(libraryId, epoch, at.cursor, at.token);
  if (opened === null) return;
  if (opened === false)
    throw new HubError(403, 'bad-cursor', `this hub did not hand out that token for version ${at.cursor}`);
  await client.query('SELECT hub.check_cursor($1, current_user, $2, $3, $4, $5, $6)', [
    libraryId,
    deviceId,
    epoch,
    at.cursor,
    opened.uuid,
    opened.writtenAt ?? null,
  ]);
}

/**
 * The sealed token of one library version in `epoch`, with the moment it was written (undefined
 * for versions written before migration 003).
 */
export async function versionToken(
  client: pg.ClientBase,
  seal: CursorSeal,
  libraryId: string,
  epoch: string | undefined,
  version: number,
): Promise<string | undefined> {
  const { rows } = await client.query<{ token: string; written: string }>(
    `SELECT token, (extract(epoch FROM written_at) * 1000000)::bigint::text AS written
       FROM hub.versions WHERE library_id = $1 AND version = $2`,
    [libraryId, version],
  );
  return rows[0] ? seal.seal(libraryId, epoch, version, rows[0].token, Number(rows[0].written)) : undefined;
}
