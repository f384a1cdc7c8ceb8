/** One-call administration for the CLI and tests: each opens a short-lived pool to the hub database. */
import type pg from 'pg';
import type { TeamRole } from '../../shared/team/protocol';
import { createInvitation, ensureLibrary, type Invitation, type LibraryRef } from './admin';
import { createPool } from './db';
import { migrateHub } from './server';

export async function withHubPool<T>(databaseUrl: string, body: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = createPool(databaseUrl, 2);
  try {
    return await body(pool);
  } finally {
    await pool.end();
  }
}

export interface InitResult {
  library: LibraryRef;
  created: boolean;
  migrations: number;
  invitation: Invitation;
}

/**
 * `yandu hub init`: migrates the database, creates the library (again is fine) and an owner
 * invitation for the person named (the only way in: there are no passwords).
 */
export function initHub(
  databaseUrl: string,
  options: { library: string; owner: string; days?: number },
): Promise<InitResult> {
  return withHubPool(databaseUrl, async (pool) => {
    const migrations = await migrateHub(pool);
    const { library, created } = await ensureLibrary(pool, options.library);
    const invitation = await createInvitation(pool, {
      library: library.name,
      role: 'owner',
      days: options.days,
      label: options.owner,
    });
    return { library, created, migrations, invitation };
  });
}

export function inviteMember(
  databaseUrl: string,
  options: { library: string; role: TeamRole; uses?: number; days?: number; label?: string; member?: string },
): Promise<Invitation> {
  return withHubPool(databaseUrl, (pool) => createInvitation(pool, options));
}
