/**
 * Administration of a hub database under the hub's own role: libraries, invitations, joining
 * (new members get their own PostgreSQL role) and device tokens. Secrets (tokens, codes) are
 * stored only as SHA-256 hashes. Managing existing members is members.ts.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import type { JoinRequest, JoinResponse, TeamRole } from '../../shared/team/protocol';
import { queryRepeatable, withTx } from './db';
import { HubError } from './errors';
import { MEMBER_GROUP_ROLE } from './migrations/001-initial';

export const sha256 = (text: string): Buffer => crypto.createHash('sha256').update(text).digest();
const secret = (bytes: number) => crypto.randomBytes(bytes).toString('base64url');

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * An invitation code: what a person types or pastes, and hands to `yandu team join` as an argument.
 * Base32 letters and digits only (128 random bits, 26 characters): base64url could start with '-',
 * which the command line takes for an option (1 invitation in 64 failed to join that way).
 */
export function invitationCode(bytes = 16): string {
  const out: string[] = [];
  let value = 0;
  let bits = 0;
  for (const byte of crypto.randomBytes(bytes)) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push(BASE32[(value >> bits) & 31]!);
    }
  }
  if (bits > 0) out.push(BASE32[(value << (5 - bits)) & 31]!);
  return out.join('');
}

export interface LibraryRef {
  id: string;
  name: string;
}

export interface Invitation {
  code: string;
  library: LibraryRef;
  role: TeamRole;
  /** The member a device invitation is for, else null. */
  memberId: string | null;
  uses: number;
  expiresAt: string;
  label: string;
}

export interface InviteOptions {
  library: string;
  /** Ignored with `member`: a device invitation carries the member's own role. */
  role: TeamRole;
  /** Invite another device of this existing member instead of a new member. */
  member?: string;
  uses?: number;
  days?: number;
  label?: string;
}

/** Who a device token speaks for: one member in one library. */
export interface Session {
  deviceId: string;
  memberId: string;
  memberName: string;
  pgRole: string;
  role: TeamRole;
  libraryId: string;
  libraryName: string;
}

export async function libraryByName(client: pg.ClientBase, name: string): Promise<LibraryRef> {
  const { rows } = await client.query<LibraryRef>('SELECT id, name FROM hub.libraries WHERE name = $1', [
    name,
  ]);
  if (!rows[0]) throw new HubError(404, 'not-found', `no library named ${name}`);
  return rows[0];
}

/** Creates the library (or finds it: init may be run again) and returns it. */
export async function ensureLibrary(
  pool: pg.Pool,
  name: string,
): Promise<{ library: LibraryRef; created: boolean }> {
  return withTx(pool, async (client) => {
    const inserted = await client.query<LibraryRef>(
      'INSERT INTO hub.libraries (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id, name',
      [crypto.randomUUID(), name],
    );
    if (inserted.rows[0]) return { library: inserted.rows[0], created: true };
    return { library: await libraryByName(client, name), created: false };
  });
}

export async function createInvitation(pool: pg.Pool, options: InviteOptions): Promise<Invitation> {
  const uses = options.uses ?? 1;
  const days = options.days ?? 7;
  if (!Number.isInteger(uses) || uses < 1 || uses > 1000)
    throw new HubError(400, 'bad-request', 'uses must be 1–1000');
  if (!(days > 0 && days <= 365)) throw new HubError(400, 'bad-request', 'days must be within 1–365');
  return withTx(pool, async (client) => {
    const library = await libraryByName(client, options.library);
    let role = options.role;
    if (options.member) {
      const { rows } = await client.query<{ role: TeamRole }>(
        'SELECT role FROM hub.memberships WHERE library_id = $1 AND member_id::text = $2',
        [library.id, options.member],
      );
      if (!rows[0]) throw new HubError(404, 'not-found', `no member ${options.member} in ${library.name}`);
      role = rows[0].role;
    }
    const code = invitationCode();
    const { rows } = await client.query<{ expires_at: Date }>(
      `INSERT INTO hub.invitations (id, library_id, role, code_hash, uses_left, expires_at, label, member_id)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), $7, $8) RETURNING expires_at`,
      [
        crypto.randomUUID(),
        library.id,
        role,
        sha256(code),
        uses,
        Math.round(days * 86400),
        options.label ?? '',
        options.member ?? null,
      ],
    );
    return {
      code,
      library,
      role,
      memberId: options.member ?? null,
      uses,
      expiresAt: rows[0]!.expires_at.toISOString(),
      label: options.label ?? '',
    };
  });
}

/** PostgreSQL role names are cluster-wide; the member's uuid makes them unique across hubs too. */
const roleNameFor = (memberId: string) => `ydm_${memberId.replace(/-/g, '')}`;

async function createMemberRole(client: pg.ClientBase, pgRole: string): Promise<void> {
  const ident = client.escapeIdentifier(pgRole);
  // LOGIN without a password: usable directly only after `yandu hub members --pg-password`
  await client.query(`CREATE ROLE ${ident} LOGIN IN ROLE ${MEMBER_GROUP_ROLE}`);
  const { rows } = await client.query<{ rolsuper: boolean }>(
    'SELECT rolsuper FROM pg_roles WHERE rolname = current_user',
  );
  // a non-superuser hub role (CREATEROLE) must be a member to `SET ROLE` to it per request
  if (!rows[0]?.rolsuper) await client.query(`GRANT ${ident} TO CURRENT_USER`);
}

async function newMember(
  client: pg.ClientBase,
  libraryId: string,
  name: string,
  role: TeamRole,
): Promise<JoinResponse['member']> {
  const id = crypto.randomUUID();
  const pgRole = roleNameFor(id);
  await createMemberRole(client, pgRole);
  await client.query('INSERT INTO hub.members (id, name, pg_role) VALUES ($1, $2, $3)', [id, name, pgRole]);
  await client.query('INSERT INTO hub.memberships (library_id, member_id, role) VALUES ($1, $2, $3)', [
    libraryId,
    id,
    role,
  ]);
  return { id, name, role };
}

/** Another device of a member: their name and current role (they must still be a member). */
async function existingMember(
  client: pg.ClientBase,
  libraryId: string,
  memberId: string,
): Promise<JoinResponse['member']> {
  const { rows } = await client.query<JoinResponse['member']>(
    `SELECT m.id, m.name, ms.role FROM hub.members m
       JOIN hub.memberships ms ON ms.member_id = m.id AND ms.library_id = $1 WHERE m.id = $2`,
    [libraryId, memberId],
  );
  if (!rows[0])
    throw new HubError(403, 'forbidden', 'the member this invitation was for has left the library');
  return rows[0];
}

/**
 * Redeems an invitation: a new member (with its PostgreSQL role and membership), or another device
 * of an existing member, and a device token.
 */
export async function joinHub(pool: pg.Pool, request: JoinRequest): Promise<JoinResponse> {
  return withTx(pool, async (client) => {
    const { rows } = await client.query<{
      id: string;
      role: TeamRole;
      library_id: string;
      name: string;
      member_id: string | null;
    }>(
      `UPDATE hub.invitations i SET uses_left = uses_left - 1 FROM hub.libraries l
        WHERE i.code_hash = $1 AND i.uses_left > 0 AND i.expires_at > now() AND l.id = i.library_id
        RETURNING i.id, i.role, i.library_id, l.name, i.member_id`,
      [sha256(request.code)],
    );
    const invitation = rows[0];
    if (!invitation)
      throw new HubError(403, 'forbidden', 'the invitation code is unknown, used up or expired');
    const member = invitation.member_id
      ? await existingMember(client, invitation.library_id, invitation.member_id)
      : await newMember(client, invitation.library_id, request.memberName, invitation.role);
    const token = secret(32);
    await client.query(
      'INSERT INTO hub.devices (id, member_id, library_id, name, token_hash) VALUES ($1, $2, $3, $4, $5)',
      [crypto.randomUUID(), member.id, invitation.library_id, request.deviceName, sha256(token)],
    );
    return {
      token,
      member,
      library: { id: invitation.library_id, name: invitation.name },
    };
  });
}

/** The session of a device token; notices first whether the database was restored (see migration 002). */
export async function authenticate(pool: pg.Pool, token: string): Promise<Session | null> {
  const { rows } = await queryRepeatable<Session>(
    pool,
    `SELECT d.id AS "deviceId", m.id AS "memberId", m.name AS "memberName", m.pg_role AS "pgRole",
            ms.role, l.id AS "libraryId", l.name AS "libraryName"
       FROM (SELECT hub.note_restore()) AS restore_check
      CROSS JOIN hub.devices d
       JOIN hub.members m ON m.id = d.member_id
       JOIN hub.memberships ms ON ms.member_id = d.member_id AND ms.library_id = d.library_id
       JOIN hub.libraries l ON l.id = d.library_id
      WHERE d.token_hash = $1 AND d.revoked_at IS NULL`,
    [sha256(token)],
  );
  return rows[0] ?? null;
}
