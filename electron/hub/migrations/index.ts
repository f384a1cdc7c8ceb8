import type pg from 'pg';
import { migration001 } from './001-initial';
import { migration002 } from './002-epochs';
import { migration003 } from './003-rewinds';
import { migration004 } from './004-anchor-moves';
import { migration005 } from './005-restore-point';
import { migration006 } from './006-restore-start';

/** In order; a hub database records the count it has applied and runs the rest on start. */
const MIGRATIONS: string[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
];

/** Any fixed number: the advisory lock that keeps two starting hubs from migrating at once. */
const MIGRATION_LOCK = 7_114_001;

/** Brings the database to the current schema; returns the number of migrations applied now. */
export async function migrate(client: pg.ClientBase): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS hub');
    await client.query('CREATE TABLE IF NOT EXISTS hub.schema_version (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM hub.schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > MIGRATIONS.length)
      throw new Error(
        `the hub database is at schema ${current}, newer than this yandu (${MIGRATIONS.length})`,
      );
    for (const sql of MIGRATIONS.slice(current)) await client.query(sql);
    if (rows.length === 0)
      await client.query('INSERT INTO hub.schema_version VALUES ($1)', [MIGRATIONS.length]);
    else await client.query('UPDATE hub.schema_version SET version = $1', [MIGRATIONS.length]);
    await client.query('COMMIT');
    return MIGRATIONS.length - current;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
