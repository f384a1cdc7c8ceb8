import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { initHub, inviteMember, startHub, type RunningHub } from '../../../electron/hub';
import type {
  HubErrorBody,
  JoinResponse,
  PullResponse,
  PushResponse,
  StatusResponse,
  TeamRole,
} from '../../../shared/team/protocol';
import { tempHubKeyFile } from '../../helpers/hub-key';
import { startPgCluster, type PgCluster } from '../../helpers/pg-cluster';

export interface HubFixture {
  cluster: PgCluster;
  databaseUrl: string;
  hub: RunningHub;
  /** A new member of `library` (created on first use) with `role`, joined through the service. */
  join(library: string, role: TeamRole, name?: string): Promise<HubMember>;
}

export interface Reply<T> {
  status: number;
  /** The body: T on success, the error body otherwise. */
  json: T & Partial<HubErrorBody>;
}

export interface HubMember extends JoinResponse {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>>;
  push(body: unknown): Promise<Reply<PushResponse>>;
  pull(since?: number, limit?: number | string): Promise<Reply<PullResponse>>;
  status(): Promise<Reply<StatusResponse>>;
  raw(method: string, path: string, body?: Buffer): Promise<Response>;
}

/**
 * One throwaway cluster and one running hub per test file. With `asOwnRole`, the hub connects as a
 * non-superuser role with CREATEROLE owning its database, as the README sets a server up.
 */
export function useHub(database = 'hub_test', options: { asOwnRole?: boolean } = {}): HubFixture {
  const fixture = {} as HubFixture;
  const owners = new Map<string, boolean>();
  const key = tempHubKeyFile();
  beforeAll(async () => {
    fixture.cluster = await startPgCluster();
    fixture.databaseUrl = fixture.cluster.createDatabase(database);
    if (options.asOwnRole) fixture.databaseUrl = await ownRole(fixture.cluster, database);
    fixture.hub = await startHub({ databaseUrl: fixture.databaseUrl, keyFile: key.file });
    fixture.join = async (library, role, name = `${role}-${crypto.randomUUID().slice(0, 6)}`) => {
      if (!owners.has(library)) {
        await initHub(fixture.databaseUrl, { library, owner: 'first owner' });
        owners.set(library, true);
      }
      const { code } = await inviteMember(fixture.databaseUrl, { library, role });
      const joined = await fetch(`${fixture.hub.url}/v1/join`, {
        method: 'POST',
        body: JSON.stringify({ code, memberName: name, deviceName: 'test device' }),
      });
      if (joined.status !== 200) throw new Error(`join failed: ${joined.status} ${await joined.text()}`);
      const response = (await joined.json()) as JoinResponse;
      const raw = (method: string, path: string, body?: Buffer) =>
        fetch(`${fixture.hub.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${response.token}` },
          body,
        });
      const call = async <T>(method: string, path: string, body?: unknown): Promise<Reply<T>> => {
        const res = await raw(
          method,
          path,
          body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
        );
        return { status: res.status, json: (await res.json()) as Reply<T>['json'] };
      };
      return {
        ...response,
        call,
        raw,
        push: (body) => call<PushResponse>('POST', '/v1/push', body),
        pull: (since = 0, limit = 1000) =>
          call<PullResponse>('GET', `/v1/pull?since=${since}&limit=${limit}`),
        status: () => call<StatusResponse>('GET', '/v1/status'),
      };
    };
  }, 90_000);
  afterAll(async () => {
    await fixture.hub?.close();
    fixture.cluster?.stop();
    key.remove();
  });
  return fixture;
}

async function ownRole(cluster: PgCluster, database: string): Promise<string> {
  const password = crypto.randomBytes(12).toString('hex');
  const admin = new pg.Client({ connectionString: cluster.urlFor({ database }) });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE yandu_hub LOGIN CREATEROLE PASSWORD '${password}'`);
    await admin.query(`ALTER DATABASE ${database} OWNER TO yandu_hub`);
    await admin.query('ALTER SCHEMA public OWNER TO yandu_hub');
  } finally {
    await admin.end();
  }
  return cluster.urlFor({ database, user: 'yandu_hub', password });
}

export const annotationData = (over: Record<string, unknown> = {}) => ({
  documentId: 'doc-1',
  passageId: 'p-1',
  start: 0,
  end: 4,
  quote: '高质量发展',
  prefix: '',
  suffix: '',
  color: 'yellow',
  note: '',
  tags: [],
  ...over,
});

export const put = (kind: string, id: string, baseVersion: number | null, data: unknown) => ({
  kind,
  id,
  op: 'put',
  baseVersion,
  data,
});
export const del = (kind: string, id: string, baseVersion: number | null) => ({
  kind,
  id,
  op: 'delete',
  baseVersion,
  data: null,
});
export const batch = (...changes: unknown[]) => ({ batchId: crypto.randomUUID(), changes });
