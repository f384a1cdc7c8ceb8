/**
 * The team hub under 20 concurrent clients: a throwaway PostgreSQL cluster, the hub in its own
 * process (bench/hub-serve.ts), and 20 members in this process each pushing batches of annotation
 * creates and edits and pulling after every push. Reports the hub process' CPU time and peak RSS
 * (PostgreSQL's own processes are not counted) and request latencies. Run from bench/run.ts
 * unless BENCH_HUB=0; skipped where PostgreSQL is not installed.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { initHub, inviteMember } from '../electron/hub';
import type { JoinResponse, PullResponse, PushResponse } from '../shared/team/protocol';
import { pgAvailable, startPgCluster } from '../test/helpers/temp-postgres';

const CLIENTS = Number(process.env.BENCH_HUB_CLIENTS ?? 20);
const ROUNDS = Number(process.env.BENCH_HUB_ROUNDS ?? 25);
const BATCH = 20;

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};

function startHubProcess(databaseUrl: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'hub-serve.ts'), databaseUrl],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: string[] = [];
  let buffered = '';
  const waiters: ((line: string) => void)[] = [];
  child.stdout.on('data', (b: Buffer) => {
    buffered += b.toString();
    for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
      const line = buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      const waiter = waiters.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const ready = lines.shift();
      if (ready !== undefined) return resolve(ready);
      waiters.push(resolve);
      child.once('exit', (code) => reject(new Error(`hub-serve exited ${code}`)));
    });
  return { child, nextLine };
}

async function client(url: string, joined: JoinResponse, n: number, pushMs: number[], pullMs: number[]) {
  const headers = { authorization: `Bearer ${joined.token}`, 'content-type': 'application/json' };
  const versions = new Map<string, number>();
  let cursor = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    // half new annotations, half edits of this member's earlier ones
    const changes = Array.from({ length: BATCH }, (_, i) => {
      const id = round > 0 && i % 2 ? `c${n}-${(round - 1) * BATCH + i - 1}` : `c${n}-${round * BATCH + i}`;
      const data = {
        documentId: 'doc',
        passageId: `p${i}`,
        start: 0,
        end: 8,
        quote: '推动高质量发展',
        prefix: '',
        suffix: '',
        color: 'yellow',
        note: `第 ${round} 轮`,
        tags: ['基准'],
      };
      return { kind: 'annotation', id, op: 'put', baseVersion: versions.get(id) ?? null, data };
    });
    let started = performance.now();
    const pushed = (await (
      await fetch(`${url}/v1/push`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ batchId: crypto.randomUUID(), changes }),
      })
    ).json()) as PushResponse;
    pushMs.push(performance.now() - started);
    for (const r of pushed.results) {
      if (r.status !== 'accepted') throw new Error(`bench push: ${r.id} ${r.status}`);
      versions.set(r.id, r.version!);
    }
    started = performance.now();
    for (let more = true; more;) {
      const page = (await (
        await fetch(`${url}/v1/pull?since=${cursor}&limit=1000`, { headers })
      ).json()) as PullResponse;
      cursor = page.cursor;
      more = page.more;
    }
    pullMs.push(performance.now() - started);
  }
}

export async function hubBench(): Promise<string> {
  if (!pgAvailable) return 'Team hub: skipped (PostgreSQL binaries not installed)\n';
  const cluster = await startPgCluster();
  try {
    const databaseUrl = cluster.createDatabase('hub_bench');
    await initHub(databaseUrl, { library: '基准', owner: 'bench' });
    const { code } = await inviteMember(databaseUrl, { library: '基准', role: 'editor', uses: CLIENTS });
    const hub = startHubProcess(databaseUrl);
    const { url } = JSON.parse(await hub.nextLine()) as { url: string };
    const members = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const res = await fetch(`${url}/v1/join`, {
          method: 'POST',
          body: JSON.stringify({ code, memberName: `成员${i}`, deviceName: 'bench' }),
        });
        return (await res.json()) as JoinResponse;
      }),
    );
    const pushMs: number[] = [];
    const pullMs: number[] = [];
    const started = performance.now();
    await Promise.all(members.map((m, i) => client(url, m, i, pushMs, pullMs)));
    const wallMs = performance.now() - started;
    hub.child.kill('SIGTERM');
    const usage = JSON.parse(await hub.nextLine()) as { cpuMs: number; peakRssMb: number };
    const header = [
      'clients',
      'pushes × changes',
      'wall',
      'changes/s',
      'push p50',
      'push p95',
      'pull p95',
      'hub CPU',
      'hub CPU / wall',
      'hub peak RSS',
    ];
    const row = [
      CLIENTS,
      `${pushMs.length} × ${BATCH}`,
      ms(wallMs),
      ((pushMs.length * BATCH) / (wallMs / 1000)).toFixed(0),
      ms(pct(pushMs, 50)),
      ms(pct(pushMs, 95)),
      ms(pct(pullMs, 95)),
      ms(usage.cpuMs),
      `${((usage.cpuMs / wallMs) * 100).toFixed(0)} %`,
      `${usage.peakRssMb.toFixed(0)} MB`,
    ];
    return (
      `Team hub under ${CLIENTS} concurrent clients (each: push ${BATCH} annotation creates/edits, then pull to the end; ${ROUNDS} rounds):\n\n` +
      `| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n| ${row.join(' | ')} |\n\n` +
      `- hub CPU and RSS are the hub process' own (PostgreSQL runs in its own processes on the same 2 cores); every pull fetches the other clients' changes too.\n`
    );
  } finally {
    cluster.stop();
  }
}

if (require.main === module) void hubBench().then((table) => process.stdout.write(table));
