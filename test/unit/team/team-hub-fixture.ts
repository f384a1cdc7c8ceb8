import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPool, startHub, type RunningHub } from '../../../electron/hub';
import { tempHubKeyFile } from '../../helpers/hub-key';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';

/**
 * The desktop-side team tests' set-up (the CLI test, the sync fuzz): one throwaway PostgreSQL
 * cluster, the real hub service on it, an administrative pool and a temp directory for the
 * libraries. `restartHub` stops the service and starts it again on the same port (desktops and
 * fault proxies keep their address), as an administrator restarting it would.
 */
export interface TeamHub {
  cluster: PgCluster;
  databaseUrl: string;
  database: string;
  hub: RunningHub;
  pool: pg.Pool;
  tmp: string;
  restartHub(between?: () => void | Promise<void>): Promise<void>;
}

export function useTeamHub(name: string, options: { poolSize?: number } = {}): TeamHub {
  const fixture = { database: 'hub' } as TeamHub;
  const key = tempHubKeyFile();
  beforeAll(async () => {
    fixture.cluster = await startPgCluster();
    fixture.databaseUrl = fixture.cluster.createDatabase(fixture.database);
    fixture.hub = await startHub({
      databaseUrl: fixture.databaseUrl,
      poolSize: options.poolSize,
      keyFile: key.file,
    });
    fixture.pool = createPool(fixture.databaseUrl, 2);
    fixture.tmp = fs.mkdtempSync(path.join(os.tmpdir(), `yandu-${name}-`));
    fixture.restartHub = async (between) => {
      const port = fixture.hub.port;
      await fixture.hub.close();
      await between?.();
      fixture.hub = await startHub({
        databaseUrl: fixture.databaseUrl,
        port,
        poolSize: options.poolSize,
        keyFile: key.file,
      });
    };
  }, 60_000);
  afterAll(async () => {
    await fixture.pool?.end();
    await fixture.hub?.close();
    fixture.cluster?.stop();
    if (fixture.tmp) fs.rmSync(fixture.tmp, { recursive: true, force: true });
    key.remove();
  });
  return fixture;
}
