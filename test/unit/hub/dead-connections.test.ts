import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initHub, inviteMember, startHub, type RunningHub } from '../../../electron/hub';
import type { JoinResponse, PushResponse } from '../../../shared/team/protocol';
import { tempHubKeyFile } from '../../helpers/hub-key';
import { describePg, startPgCluster, type PgCluster } from '../../helpers/pg-cluster';
import { batch, put } from './hub-fixture';

/**
 * A TCP relay between the hub's pool and PostgreSQL that can drop every connection on the server's
 * side while the pool's end hears nothing until it next writes: the state an idle pooled
 * connection is in between its server going away and the pool learning of it (under load that
 * lasted several requests in sync.test.ts's kill test, each meeting one more dead connection).
 */
async function startSeveringRelay(upstreamPort: number) {
  const pairs = new Set<{
    client: net.Socket;
    upstream: net.Socket;
    severed: boolean;
    dropAnswer: boolean;
  }>();
  const stats = { deadWrites: 0 };
  const trap = { pattern: null as string | null, afterAnswer: false, sprung: 0 };
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    const pair = { client, upstream, severed: false, dropAnswer: false };
    pairs.add(pair);
    client.on('error', () => {});
    upstream.on('error', () => {});
    client.on('data', (chunk: Buffer) => {
      if (!pair.severed && trap.pattern && chunk.includes(trap.pattern)) {
        trap.pattern = null;
        trap.sprung++;
        // the statement reaches the server and its answer is lost, or it never reaches the server
        if (trap.afterAnswer) pair.dropAnswer = true;
        else {
          pair.severed = true;
          upstream.destroy();
          return void client.destroy();
        }
      }
      if (!pair.severed) return void upstream.write(chunk);
      stats.deadWrites++;
      client.destroy();
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!pair.dropAnswer) return void client.write(chunk);
      pair.severed = true;
      upstream.destroy();
      client.destroy();
    });
    upstream.on('close', () => {
      if (!pair.severed) client.destroy();
    });
    client.on('close', () => {
      upstream.destroy();
      pairs.delete(pair);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    stats,
    trap,
    /**
     * Drops the connection that next sends a statement containing `pattern` (once): before the
     * server sees it, or `afterAnswer`, once the server has run it, before its answer comes back.
     */
    severOn(pattern: string, afterAnswer = false) {
      trap.pattern = pattern;
      trap.afterAnswer = afterAnswer;
    },
    sever() {
      for (const pair of pairs) {
        pair.severed = true;
        pair.upstream.destroy();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) pair.client.destroy();
        server.close(() => resolve());
      }),
  };
}

describePg('team hub: connections its PostgreSQL dropped', () => {
  let cluster: PgCluster;
  let relay: Awaited<ReturnType<typeof startSeveringRelay>>;
  let hub: RunningHub;
  const key = tempHubKeyFile();

  beforeAll(async () => {
    cluster = await startPgCluster();
    const direct = cluster.createDatabase('dead_connections');
    relay = await startSeveringRelay(cluster.port);
    const viaRelay = direct.replace(`:${cluster.port}/`, `:${relay.port}/`);
    await initHub(direct, { library: '断线', owner: 'owner' });
    hub = await startHub({ databaseUrl: viaRelay, keyFile: key.file, poolSize: 4 });
  }, 90_000);

  afterAll(async () => {
    await hub?.close();
    await relay?.close();
    cluster?.stop();
    key.remove();
  });

  /** A new editor's requests to the hub, through the relay. */
  async function editor(name: string) {
    const { code } = await inviteMember(cluster.urlFor({ database: 'dead_connections' }), {
      library: '断线',
      role: 'editor',
    });
    const joined = (await (
      await fetch(`${hub.url}/v1/join`, {
        method: 'POST',
        body: JSON.stringify({ code, memberName: name, deviceName: 'test' }),
      })
    ).json()) as JoinResponse;
    return async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${hub.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${joined.token}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as PushResponse & { changes?: unknown[] } };
    };
  }

  it('steps over pooled connections whose server is gone instead of failing a request on each', async () => {
    const call = await editor('甲');
    // several requests at once leave several idle connections in the pool
    const warm = await Promise.all(Array.from({ length: 4 }, () => call('GET', '/v1/status')));
    expect(warm.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    relay.sever();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(
        'POST',
        '/v1/push',
        batch(put('briefing', `dead-${i}`, null, { title: 'x', audience: '', date: '' })),
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    // the dead connections were met (and stepped over), not quietly dropped by the pool first
    expect(relay.stats.deadWrites).toBeGreaterThan(0);
    expect((await call('GET', '/v1/pull?since=0&limit=100')).json.changes).toHaveLength(3);
  });

  it('runs a push again on another connection when its own dies inside the transaction', async () => {
    const call = await editor('乙');
    const before = (await call('GET', '/v1/pull?since=0&limit=100')).json.changes!.length;
    // lost after BEGIN and the library lock, at the replay check: without a retry, a 500
    relay.severOn('hub.push_batches WHERE');
    const mid = await call(
      'POST',
      '/v1/push',
      batch(put('briefing', 'mid-tx', null, { title: 'y', audience: '', date: '' })),
    );
    expect(relay.trap.sprung).toBe(1);
    expect(mid.status).toBe(200);
    expect(mid.json.results.map((r) => r.status)).toEqual(['accepted']);
    expect((await call('GET', '/v1/pull?since=0&limit=100')).json.changes).toHaveLength(before + 1);
  });

  it('answers a push whose COMMIT ran but whose answer was lost with that push, run again without a second write', async () => {
    const call = await editor('丙');
    const before = (await call('GET', '/v1/pull?since=0&limit=100')).json.changes!.length;
    const sprung = relay.trap.sprung;
    relay.severOn('COMMIT\u0000', true); // the COMMIT statement, not BEGIN's READ COMMITTED
    const lost = await call(
      'POST',
      '/v1/push',
      batch(put('briefing', 'committed', null, { title: 'z', audience: '', date: '' })),
    );
    expect(relay.trap.sprung).toBe(sprung + 1);
    // the retry found the batch stored by the COMMIT it never heard of: accepted, not a conflict
    expect(lost.status).toBe(200);
    expect(lost.json.results.map((r) => r.status)).toEqual(['accepted']);
    expect((await call('GET', '/v1/pull?since=0&limit=100')).json.changes).toHaveLength(before + 1);
  });
});
