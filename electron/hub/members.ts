/**
 * Members of a library as the hub's administration sees them: listing, role changes, removal, and
 * PostgreSQL credentials (stored only as PostgreSQL's own SCRAM verifier).
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import type { TeamRole } from '../../shared/team/protocol';
import { libraryByName } from './admin';
import { withTx } from './db';
import { HubError } from './errors';

export interface MemberRow {
  id: string;
  name: string;
  role: TeamRole;
  pgRole: string;
  devices: number;
  joinedAt: string;
}

export async function listMembers(pool: pg.Pool, libraryName: string): Promise<MemberRow[]> {
  const client = await pool.connect();
  try {
    const library = await libraryByName(client, libraryName);
    const { rows } = await client.query<MemberRow & { joinedAt: Date }>(
      `SELECT m.id, m.name, ms.role, m.pg_role AS "pgRole", ms.created_at AS "joinedAt",
              (SELECT count(*)::int FROM hub.devices d
                WHERE d.member_id = m.id AND d.library_id = ms.library_id AND d.revoked_at IS NULL) AS devices
         FROM hub.memberships ms JOIN hub.members m ON m.id = ms.member_id
        WHERE ms.library_id = $1 ORDER BY ms.created_at, m.id`,
      [library.id],
    );
    return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
  } finally {
    client.release();
  }
}

/**
 * Gives a member a (new) PostgreSQL password for read access with their own credentials
 * (reports, psql); row-level security limits that connection exactly as it limits the service.
 */
export async function resetMemberPassword(
  pool: pg.Pool,
  memberId: string,
): Promise<{ user: string; password: string }> {
  const { rows } = await pool.query<{ pg_role: string }>(
    'SELECT pg_role FROM hub.members WHERE id::text = $1',
    [memberId],
  );
  const user = rows[0]?.pg_role;
  if (!user) throw new HubError(404, 'not-found', `no member ${memberId}`);
  const password = crypto.randomBytes(24).toString('base64url');
  const client = await pool.connect();
  try {
    await client.query(
      `ALTER ROLE ${client.escapeIdentifier(user)} PASSWORD ${client.escapeLiteral(password)}`,
    );
  } finally {
    client.release();
  }
  return { user, password };
}

/**
 * Changes a member's role in a library, or removes them from it (role null): their devices for
 * that library stop working at once; what they wrote stays, under their name.
 */
export async function changeMember(
  pool: pg.Pool,
  libraryName: string,
  memberId: string,
  role: TeamRole | null,
): Promise<void> {
  await withTx(pool, async (client) => {
    const library = await libraryByName(client, libraryName);
    const changed =
      role === null
        ? await client.query('DELETE FROM hub.memberships WHERE library_id = $1 AND member_id::text = $2', [
            library.id,
            memberId,
          ])
        : await client.query(
            'UPDATE hub.memberships SET role = $3 WHERE library_id = $1 AND member_id::text = $2',
            [library.id, memberId, role],
          );
    if (!changed.rowCount) throw new HubError(404, 'not-found', `no member ${memberId} in ${libraryName}`);
    if (role === null)
      await client.query(
        'UPDATE hub.devices SET revoked_at = now() WHERE library_id = $1 AND member_id::text = $2 AND revoked_at IS NULL',
        [library.id, memberId],
      );
  });
}
