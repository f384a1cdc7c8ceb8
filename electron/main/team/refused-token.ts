/**
 * A cursor token the hub refuses as not its own (`bad-cursor`: the hub's key file was replaced,
 * or its services read different ones) would fail every pull and push for good. The desktop
 * drops that token, keeps its cursor and asks again without one: the hub then judges nothing for
 * that request and hands out a token it seals now. Only the restore check of that one request is
 * lost, never data.
 */
import { HUB_LIMITS, type PullResponse, type PushResponse } from '../../../shared/team/protocol';
import type { Db } from '../store/database';
import { HubError, type HubClient } from './hub-client';
import { currentEpoch } from './restores';
import { getCursor, setCursor, setPendingPush, type PendingPush } from './team-store';

const refused = (error: unknown) => error instanceof HubError && error.code === 'bad-cursor';

/** One pull page from the stored cursor. */
export async function pullPage(db: Db, hub: HubClient): Promise<PullResponse> {
  const at = getCursor(db);
  try {
    return await hub.pull(at.cursor, HUB_LIMITS.pullLimit, currentEpoch(db), at.token);
  } catch (error) {
    if (!refused(error) || !at.token) throw error;
    setCursor(db, at.cursor, undefined);
    return hub.pull(at.cursor, HUB_LIMITS.pullLimit, currentEpoch(db));
  }
}

/** Sends the stored batch; a refused `at` is taken out of it (same batch id: nothing was applied). */
export async function sendBatch(db: Db, hub: HubClient, pending: PendingPush): Promise<PushResponse> {
  try {
    return await hub.push(pending.body);
  } catch (error) {
    if (!refused(error)) throw error;
    const body = JSON.parse(pending.body) as { at?: { cursor: number; token: string } };
    if (!body.at) throw error;
    const cursor = getCursor(db);
    if (cursor.token === body.at.token) setCursor(db, cursor.cursor, undefined);
    delete body.at;
    const resend = { ...pending, body: JSON.stringify(body) };
    setPendingPush(db, resend);
    return hub.push(resend.body);
  }
}
