import pg from 'pg';

/** Bigint columns (versions, sizes) come back as numbers: they stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function createPool(databaseUrl: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    types,
    // a statement that runs away must not hold a library's lock for ever
    statement_timeout: 60_000,
    idle_in_transaction_session_timeout: 60_000,
    connectionTimeoutMillis: 15_000,
  });
  // An idle client losing its server (restart, pg_terminate_backend) must not crash the hub, nor
  // must a checked-out one between two queries: the pool listens only to idle clients, and an
  // 'error' nobody listens to is an uncaught exception (found by PostgreSQL restarts in the sync
  // fuzz). The request on it fails by itself and the client is released broken.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ';

/** Runs `body` in one transaction as the hub's own (administrative) role. */
export async function withTx<T>(
  pool: pg.Pool,
  body: (client: pg.PoolClient) => Promise<T>,
  isolation: IsolationLevel = 'READ COMMITTED',
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Runs `body` in one transaction under a member's own PostgreSQL role, so row-level security
 * decides what the request may read and write, exactly as for that member's direct connection.
 */
export function withMemberTx<T>(
  pool: pg.Pool,
  pgRole: string,
  body: (client: pg.PoolClient) => Promise<T>,
  isolation: IsolationLevel = 'READ COMMITTED',
): Promise<T> {
  return withTx(
    pool,
    async (client) => {
      await client.query(`SET LOCAL ROLE ${client.escapeIdentifier(pgRole)}`);
      return body(client);
    },
    isolation,
  );
}
