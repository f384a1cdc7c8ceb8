/**
 * The `yandu hub` service: a thin, stateless HTTP front for a PostgreSQL database. PostgreSQL holds
 * every piece of state; the service exists for what PostgreSQL cannot do alone (see README, "Team
 * hub (server)"): invitations and device tokens, content-addressed uploads with a hash check,
 * per-change conflict answers, and idempotent retries. It imports only `shared/` and `pg`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { createCursorSeal, defaultKeyFile, keyFingerprint, loadServiceKey } from './cursor-seal';
import { createPool } from './db';
import { createHandler, type HubLog } from './http';
import { migrate } from './migrations';

export interface HubOptions {
  databaseUrl: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Connections to PostgreSQL (each request holds one for its transaction). */
  poolSize?: number;
  /**
   * The file of the key sealing cursor tokens (made when missing; default `defaultKeyFile()`).
   * Every service of one database must read the same key, and none of it lives in the database.
   */
  keyFile?: string;
  /** One line per request and every unexpected error; silent by default. */
  log?: HubLog;
}

export interface RunningHub {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Migrates the database to the current schema. */
export async function migrateHub(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    return await migrate(client);
  } finally {
    client.release();
  }
}

/** Migrates, then serves until `close()` (which lets requests in flight finish). */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const keyFile = options.keyFile ?? defaultKeyFile();
  const key = loadServiceKey(keyFile);
  const seal = createCursorSeal(key);
  const pool = createPool(options.databaseUrl, options.poolSize ?? 10);
  const log = options.log ?? (() => {});
  // services of one database reading different keys refuse each other's tokens: made visible here
  log(`hub: cursor seal key ${keyFile}, fingerprint ${keyFingerprint(key)}`);
  try {
    await migrateHub(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const server = http.createServer(createHandler(pool, seal, log));
  server.headersTimeout = 30_000;
  server.requestTimeout = 10 * 60_000;
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }).then(() => pool.end()));
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, port, close };
}
