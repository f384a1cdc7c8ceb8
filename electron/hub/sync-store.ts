/**
 * Push and pull: the hub keeps the latest state of every object (tombstones included) with the
 * library version of its last accepted change. Every query runs under the member's PostgreSQL
 * role, so row-level security, not this code, is what finally keeps readers from writing and
 * members out of other libraries; the checks here only turn those rules into per-change answers.
 */
import type pg from 'pg';
import type { Change, PullResponse, PushRequest, PushResponse } from '../../shared/team/protocol';
import type { Session } from './admin';
import { queryRepeatable, withMemberTx } from './db';
import type { CursorSeal } from './cursor-seal';
import { decide, keyOf, OBJECT_COLUMNS, toRemote, type ObjectRow } from './push-decision';
import { checkCursor, EPOCH_COLUMNS, epochOf, libraryEpoch, versionToken, type EpochRow } from './history';

/** The hub's copies of every object a push touches, in one query. */
async function currentObjects(
  client: pg.ClientBase,
  libraryId: string,
  changes: Change[],
): Promise<Map<string, ObjectRow>> {
  const { rows } = await client.query<ObjectRow>(
    `SELECT ${OBJECT_COLUMNS} FROM hub.objects o JOIN hub.members m ON m.id = o.author_id
      WHERE o.library_id = $1 AND (o.kind, o.id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [libraryId, changes.map((c) => c.kind), changes.map((c) => c.id)],
  );
  return new Map(rows.map((r) => [keyOf(r.kind, r.id), r]));
}

/**
 * Writes the accepted changes in one statement (at most one per object: a second change to an
 * object within a push is decided against the first, so it conflicts). The trigger stamps
 * version, author and time; the version and author given here are placeholders (NOT NULL).
 */
async function writeChanges(
  client: pg.ClientBase,
  libraryId: string,
  changes: Change[],
): Promise<number | null> {
  if (!changes.length) return null;
  const { rows } = await client.query<{ version: number }>(
    `INSERT INTO hub.objects (library_id, kind, id, deleted, data, version, author_id, ancestor)
     SELECT $1, t.kind, t.id, t.deleted, t.data::jsonb, 0, hub.member_id_of(current_user), t.ancestor
       FROM unnest($2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[]) AS t(kind, id, deleted, data, ancestor)
     ON CONFLICT (library_id, kind, id) DO UPDATE SET deleted = EXCLUDED.deleted, data = EXCLUDED.data,
       ancestor = coalesce(EXCLUDED.ancestor, hub.objects.ancestor)
     RETURNING version`,
    [
      libraryId,
      changes.map((c) => c.kind),
      changes.map((c) => c.id),
      changes.map((c) => c.op === 'delete'),
      changes.map((c) => (c.op === 'delete' ? null : JSON.stringify(c.data))),
      changes.map((c) => c.ancestor ?? null),
    ],
  );
  if (rows.length !== changes.length) throw new Error(`wrote ${rows.length} of ${changes.length} objects`);
  return rows[0]!.version;
}

/**
 * Applies a push in one transaction under the library row's lock: accepted changes share one new
 * library version. A batchId already seen returns the stored response and applies nothing.
 */
export async function push(
  pool: pg.Pool,
  seal: CursorSeal,
  session: Session,
  request: PushRequest,
): Promise<PushResponse> {
  if (session.role === 'reader') {
    const { rows } = await queryRepeatable<{ version: number } & EpochRow>(
      pool,
      `SELECT version, ${EPOCH_COLUMNS} FROM hub.libraries WHERE id = $1`,
      [session.libraryId],
    );
    return {
      version: rows[0]?.version ?? 0,
      ...epochOf(rows[0]),
      results: request.changes.map((c) => ({
        kind: c.kind,
        id: c.id,
        status: 'forbidden',
        message: 'readers cannot write',
      })),
    };
  }
  return withMemberTx(pool, session.pgRole, async (client) => {
    const locked = await client.query<{ version: number }>(
      'SELECT hub.lock_library($1, current_user, false) AS version',
      [session.libraryId],
    );
    const replay = await client.query<{ response: PushResponse }>(
      'SELECT response FROM hub.push_batches WHERE library_id = $1 AND member_id = $2 AND batch_id = $3',
      [session.libraryId, session.memberId, request.batchId],
    );
    if (replay.rows[0]) return replay.rows[0].response;
    await checkCursor(client, seal, session.libraryId, session.deviceId, request.epoch, request.at);
    const epoch = await libraryEpoch(client, session.libraryId);
    // base versions of another epoch may name versions this hub gave to other changes since
    if (request.epoch && request.epoch !== epoch.epoch)
      return { version: locked.rows[0]!.version, ...epoch, stale: true, results: [] };
    // under the lock, this push's version is the next one (the trigger bumps once per transaction)
    const nextVersion = locked.rows[0]!.version + 1;
    const current = await currentObjects(client, session.libraryId, request.changes);
    const results = request.changes.map((change) => decide(session, change, current, nextVersion));
    const accepted = request.changes.filter((_, i) => results[i]!.status === 'accepted');
    const written = await writeChanges(client, session.libraryId, accepted);
    if (written !== null && written !== nextVersion)
      throw new Error(`version ${written}, expected ${nextVersion}`);
    const version = written ?? nextVersion - 1;
    const token = await versionToken(client, seal, session.libraryId, epoch.epoch, version);
    const response: PushResponse = { version, ...epoch, results, ...(token ? { versionToken: token } : {}) };
    await client.query(
      'INSERT INTO hub.push_batches (library_id, member_id, batch_id, response) VALUES ($1, $2, $3, $4::jsonb)',
      [session.libraryId, session.memberId, request.batchId, JSON.stringify(response)],
    );
    return response;
  });
}

/**
 * Objects changed after `since`, by version. A page never ends inside a version (all objects of one
 * push share it, and the cursor is a version), so a page is trimmed back to the last whole version,
 * or, when one version alone exceeds the limit, holds that whole version. One REPEATABLE READ
 * snapshot: versions commit in order under the library lock, so nothing below the cursor can
 * still appear later.
 */
export async function pull(
  pool: pg.Pool,
  seal: CursorSeal,
  session: Session,
  since: number,
  limit: number,
  clientEpoch?: string,
  token?: string,
): Promise<PullResponse> {
  return withMemberTx(
    pool,
    session.pgRole,
    async (client) => {
      await checkCursor(client, seal, session.libraryId, session.deviceId, clientEpoch, {
        cursor: since,
        token,
      });
      const lib = await client.query<{ version: number } & EpochRow>(
        `SELECT version, ${EPOCH_COLUMNS} FROM hub.libraries WHERE id = $1`,
        [session.libraryId],
      );
      const version = lib.rows[0]?.version ?? 0;
      const epoch = epochOf(lib.rows[0]);
      // a cursor of a lost epoch is no measure of what this device has applied
      let deviceCursor: number | undefined;
      if (!clientEpoch || clientEpoch === epoch.epoch) {
        const noted = await client.query<{ cursor: number }>(
          'SELECT hub.note_cursor($1, current_user, $2) AS cursor',
          [session.deviceId, since],
        );
        deviceCursor = noted.rows[0]?.cursor ?? undefined;
      }
      const answer = async (changes: ObjectRow[], cursor: number, more: boolean): Promise<PullResponse> => {
        const cursorToken = await versionToken(client, seal, session.libraryId, epoch.epoch, cursor);
        return {
          changes: changes.map(toRemote),
          cursor,
          more,
          version,
          ...epoch,
          ...(deviceCursor === undefined || deviceCursor === null ? {} : { deviceCursor }),
          ...(cursorToken ? { cursorToken } : {}),
        };
      };
      const select = `SELECT ${OBJECT_COLUMNS} FROM hub.objects o JOIN hub.members m ON m.id = o.author_id
                       WHERE o.library_id = $1`;
      const page = await client.query<ObjectRow>(
        `${select} AND o.version > $2 ORDER BY o.version, o.kind, o.id LIMIT $3`,
        [session.libraryId, since, limit + 1],
      );
      let rows = page.rows;
      if (rows.length <= limit) return answer(rows, version, false);
      const split = rows[limit - 1]!.version;
      if (rows[limit]!.version !== split) rows = rows.slice(0, limit);
      else if (rows[0]!.version !== split) rows = rows.filter((r) => r.version < split);
      else {
        const whole = await client.query<ObjectRow>(`${select} AND o.version = $2 ORDER BY o.kind, o.id`, [
          session.libraryId,
          split,
        ]);
        rows = whole.rows;
      }
      const cursor = rows[rows.length - 1]!.version;
      return answer(rows, cursor, cursor < version);
    },
    'REPEATABLE READ',
  );
}
