/**
 * Push and pull: the hub keeps the latest state of every object (tombstones included) with the
 * library version of its last accepted change. Every query runs under the member's PostgreSQL
 * role, so row-level security, not this code, is what finally keeps readers from writing and
 * members out of other libraries; the checks here only turn those rules into per-change answers.
 */
import type pg from 'pg';
import {
  HUB_LIMITS,
  TEAM_KINDS,
  kindDataSchemas,
  onlyMoved,
  stableJson,
  type Change,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type PushResult,
  type RemoteObject,
  type TeamKind,
} from '../../shared/team/protocol';
import type { Session } from './admin';
import { withMemberTx } from './db';
import type { CursorSeal } from './cursor-seal';
import { checkCursor, EPOCH_COLUMNS, epochOf, libraryEpoch, versionToken, type EpochRow } from './history';

/** Kinds only their author may change (as in Zotero group libraries and Hypothesis). */
const AUTHORED_KINDS: ReadonlySet<string> = new Set(['annotation', 'link']);

interface ObjectRow {
  kind: TeamKind;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
  author_id: string;
  author_name: string;
  updated_at: Date;
  ancestor: string | null;
}

const OBJECT_COLUMNS = `o.kind, o.id, o.version, o.deleted, o.data, o.author_id, m.name AS author_name, o.updated_at,
  o.ancestor`;

function toRemote(row: ObjectRow): RemoteObject {
  return {
    kind: row.kind,
    id: row.id,
    version: row.version,
    deleted: row.deleted,
    data: row.data,
    author: { id: row.author_id, name: row.author_name },
    updatedAt: row.updated_at.toISOString(),
    ...(row.ancestor ? { ancestor: row.ancestor } : {}),
  };
}

/** The schema check of one change; a message when it is invalid. */
function invalidReason(change: Change): string | null {
  if (!(TEAM_KINDS as readonly string[]).includes(change.kind)) return `unknown kind ${change.kind}`;
  if (change.op === 'delete') return change.data === null ? null : 'a delete carries data: null';
  if (change.data === null) return 'a put needs data';
  const parsed = kindDataSchemas[change.kind as TeamKind].safeParse(change.data);
  if (!parsed.success)
    return parsed.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ')
      .slice(0, 500);
  if (JSON.stringify(change.data).length > HUB_LIMITS.dataBytes) return 'data too large';
  // one override per document / ledger key: the id is that key, so two members' overrides meet
  const key =
    change.kind === 'meta_override'
      ? change.data.documentId
      : change.kind === 'ledger_override'
        ? change.data.key
        : change.id;
  if (key !== change.id)
    return `the id of a ${change.kind} is its ${change.kind === 'meta_override' ? 'documentId' : 'key'}`;
  return null;
}

const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`;

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

/** Decides one change against the hub's copy (updated in `current` when accepted). */
function decide(
  session: Session,
  change: Change,
  current: Map<string, ObjectRow>,
  nextVersion: number,
): PushResult {
  const ref = { kind: change.kind, id: change.id };
  const invalid = invalidReason(change);
  if (invalid) return { ...ref, status: 'invalid', message: invalid };
  const key = keyOf(change.kind, change.id);
  const hubCopy = current.get(key);
  // another member's object: it may only be moved to other passages (a new edition re-anchored
  // it), and its author stays
  const moved =
    !!hubCopy &&
    !hubCopy.deleted &&
    change.op !== 'delete' &&
    onlyMoved(change.kind as TeamKind, hubCopy.data, change.data);
  const othersObject = !!hubCopy && AUTHORED_KINDS.has(change.kind) && hubCopy.author_id !== session.memberId;
  // what the hub holds already (two desktops moved it alike): the client takes the hub's copy
  if (
    othersObject &&
    !moved &&
    change.op !== 'delete' &&
    stableJson(hubCopy!.data) === stableJson(change.data)
  )
    return { ...ref, status: 'conflict', current: toRemote(hubCopy!) };
  if (othersObject && !moved)
    return {
      ...ref,
      status: 'forbidden',
      message: `only ${hubCopy.author_name} may change this ${change.kind}`,
    };
  // A base the hub never had (a hub restored from an older backup) overwrites nothing: accepted.
  // a second change to one object in one push is decided against the first (whose version the
  // client cannot have known): a conflict, never a second write
  if (hubCopy && (change.baseVersion !== hubCopy.version || hubCopy.version === nextVersion))
    return { ...ref, status: 'conflict', current: toRemote(hubCopy) };
  const deleted = change.op === 'delete';
  current.set(key, {
    kind: change.kind as TeamKind,
    id: change.id,
    version: nextVersion,
    deleted,
    data: deleted ? null : change.data,
    author_id: moved && hubCopy ? hubCopy.author_id : session.memberId,
    author_name: moved && hubCopy ? hubCopy.author_name : session.memberName,
    updated_at: new Date(),
    ancestor: change.ancestor ?? hubCopy?.ancestor ?? null,
  });
  return { ...ref, status: 'accepted', version: nextVersion };
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
    const { rows } = await pool.query<{ version: number } & EpochRow>(
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
    await checkCursor(client, seal, session.libraryId, request.epoch, request.at);
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
      await checkCursor(client, seal, session.libraryId, clientEpoch, { cursor: since, token });
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
