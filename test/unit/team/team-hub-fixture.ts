import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import {
  createInvitation,
  createPool,
  ensureLibrary,
  startHub,
  type RunningHub,
} from '../../../electron/hub';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { fileSecretStore } from '../../../electron/main/team/secret-store';
import { TeamService } from '../../../electron/main/team/team-service';
import { tempHubKeyFile } from '../../helpers/hub-key';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';

/** The bundled report, the document the team tests share, delete and import again. */
export const HULI = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');

/**
 * The desktop-side team tests' set-up (the CLI test, the sync fuzz, `joinDesk`'s desktops): one
 * throwaway PostgreSQL cluster, the real hub service on it, an administrative pool and a temp
 * directory for the libraries. `restartHub` stops the service and starts it again on the same port (desktops and
 * fault proxies keep their address), as an administrator restarting it would.
 */
export interface TeamHub {
  cluster: PgCluster;
  databaseUrl: string;
  database: string;
  hub: RunningHub;
  pool: pg.Pool;
  tmp: string;
  /** The file of the key the hub seals cursor tokens with. */
  keyFile: string;
  restartHub(between?: () => void | Promise<void>): Promise<void>;
}

export function useTeamHub(name: string, options: { poolSize?: number } = {}): TeamHub {
  const fixture = { database: 'hub' } as TeamHub;
  const key = tempHubKeyFile();
  fixture.keyFile = key.file;
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
  // (a sweep of many fuzz seeds leaves a cluster and a temp folder of several GB: removing them
  // took more than the default 10 s after 72 seeds)
  afterAll(async () => {
    await fixture.pool?.end();
    await fixture.hub?.close();
    fixture.cluster?.stop();
    if (fixture.tmp) fs.rmSync(fixture.tmp, { recursive: true, force: true });
    key.remove();
  }, 120_000);
  return fixture;
}

/** A desktop of a team test: its core and its team service. */
export interface TeamDesk {
  core: Core;
  team: TeamService;
}

/**
 * A new desktop joined to `library` on the fixture's hub as the editor `name` (the library made
 * first if missing), its library and token files named after it in the fixture's temp folder:
 * names must differ across the describe block. The caller closes `core`.
 */
export async function joinDesk(f: TeamHub, name: string, library: string): Promise<TeamDesk> {
  await ensureLibrary(f.pool, library);
  const secrets = fileSecretStore(path.join(f.tmp, `${name}.token`));
  const core = createCore({ databasePath: path.join(f.tmp, `${name}.db`), teamSecrets: secrets });
  const team = new TeamService(core.ctx, { secrets, inlineParse: true });
  const { code } = await createInvitation(f.pool, { library, role: 'editor' });
  await team.join({ hubUrl: f.hub.url, code, memberName: name });
  return { core, team };
}

/** A closed library's file replaced by its backup (its WAL and shared-memory files gone with it), as putting a backup back does. */
export function replaceLibraryFile(databasePath: string, backup: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databasePath + suffix, { force: true });
  fs.copyFileSync(backup, databasePath);
}
