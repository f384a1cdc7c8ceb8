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

/**
 * Whether an error says the connection itself is gone (the server restarted, or its backend was
 * terminated) rather than the statement failing: PostgreSQL's admin/crash shutdown and connection
 * classes, or the driver finding the socket closed.
 */
export function connectionLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (/^(08|57P0[12])/.test(code) || code === 'ECONNRESET' || code === 'EPIPE'))
    return true;
  // (not the connect timeout's "Connection terminated due to …": a server that does not answer
  // is no dead connection to step over)
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated unexpectedly|not queryable/.test(message);
}

/**
 * Runs `first` on a pooled connection, on another one when it finds its connection gone. An idle
 * connection whose server went away is handed out until the pool hears of it, and under load that
 * comes late: after PostgreSQL killed every connection, each request met one more dead connection
 * and failed in turn. Only what changes nothing when it is repeated may be retried (a read, or a
 * whole transaction from its BEGIN, see `withTx`); at most once per pooled connection plus one,
 * then the error stands.
 */
async function onLiveConnection<T>(pool: pg.Pool, first: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await first();
    } catch (error) {
      if (!connectionLost(error) || attempt > (pool.options.max ?? 10)) throw error;
    }
  }
}

/** A statement safe to repeat (a read, or an idempotent write), run outside a transaction. */
export function queryRepeatable<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  text: string,
  values: unknown[],
): Promise<pg.QueryResult<R>> {
  return onLiveConnection(pool, () => pool.query<R>(text, values));
}

/** A client with its transaction begun; a dead connection met here is retried with the whole of `withTx`. */
async function begin(pool: pg.Pool, isolation: IsolationLevel): Promise<pg.PoolClient> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    return client;
  } catch (error) {
    client.release(true);
    throw error;
  }
}

/**
 * Runs `body` in one transaction as the hub's own (administrative) role. A connection lost inside
 * the transaction (its backend terminated, the server restarted) rolled it back: the transaction
 * runs again on another connection rather than failing the request. Bodies change nothing but the
 * database, and what they write is keyed (a push by its batch id, blobs by their hash), so a COMMIT
 * whose answer was lost and is run again writes nothing twice: the push replays its stored answer.
 */
export async function withTx<T>(
  pool: pg.Pool,
  body: (client: pg.PoolClient) => Promise<T>,
  isolation: IsolationLevel = 'READ COMMITTED',
): Promise<T> {
  return onLiveConnection(pool, () => oneTx(pool, body, isolation));
}

async function oneTx<T>(
  pool: pg.Pool,
  body: (client: pg.PoolClient) => Promise<T>,
  isolation: IsolationLevel,
): Promise<T> {
  const client = await begin(pool, isolation);
  let broken = false;
  try {
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
