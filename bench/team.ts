/**
 * Team sync on the desktop side (issue 14), against a throwaway PostgreSQL cluster and the real
 * hub in this process: (1) first sync of the M library (the corpus: real files, sent as blobs and
 * parsed again on the receiver) with 5,000 annotations to an empty client; (2) an incremental sync
 * of 1,000 new annotations, push on one desktop and pull on the other (target ≤ 2 s each); (3) the
 * first sync of the L tier to an empty client (BENCH_TEAM_L=0 leaves it out).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInvitation, ensureLibrary, startHub, withHubPool } from '../electron/hub';
import { createAnnotation } from '../electron/main/annotations/service';
import { createCore, type Core } from '../electron/main/core/app-core';
import { importFiles } from '../electron/main/ingest/import-service';
import { fileSecretStore } from '../electron/main/team/secret-store';
import { TeamService } from '../electron/main/team/team-service';
import { pgAvailable, startPgCluster } from '../test/helpers/temp-postgres';
import { random } from './generate';
import { tierFiles } from './scale';
import { corpusFiles } from './tiers';

interface Desk {
  core: Core;
  team: TeamService;
}

function desk(dir: string, name: string): Desk {
  const core = createCore({ databasePath: path.join(dir, `${name}.db`) });
  const team = new TeamService(core.ctx, {
    secrets: fileSecretStore(path.join(dir, `${name}.token`)),
    inlineParse: true,
  });
  return { core, team };
}

function annotate(d: Desk, count: number, seed: number): void {
  const rng = random(seed);
  const passages = d.core.ctx.db
    .prepare(`SELECT id, length(text) AS n FROM passages WHERE length(text) > 8`)
    .all() as {
    id: string;
    n: number;
  }[];
  for (let i = 0; i < count; i++) {
    const p = passages[Math.floor(rng() * passages.length)]!;
    const start = Math.floor(rng() * (p.n - 4));
    createAnnotation(d.core.ctx.db, {
      passageId: p.id,
      start,
      end: start + 2,
      note: `批注${i}`,
      tags: ['基准'],
    });
  }
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number, number]> => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return [value, performance.now() - t, (used.user + used.system) / 1000];
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => `load ${os.loadavg()[0]!.toFixed(1)}`;

/**
 * First sync of the L tier (500 generated reports, the files bench/scale.ts writes) to an empty
 * client: one desktop imports and pushes them, a second one pulls every file and parses it again.
 * CPU is this process's (both desktops and the hub service; PostgreSQL's own is not counted).
 */
async function firstSyncL(hubUrl: string, codes: string[], dir: string): Promise<string> {
  const folder = await tierFiles('L');
  const files = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(folder, f));
  const a = desk(dir, 'la');
  const b = desk(dir, 'lb');
  await importFiles(a.core.ctx, files, { inline: true });
  await a.team.join({ hubUrl, code: codes[0]!, memberName: '甲L' });
  await b.team.join({ hubUrl, code: codes[1]!, memberName: '乙L' });
  const [pushed, pushMs, pushCpu] = await timed(() => a.team.sync());
  const [pulled, pullMs, pullCpu] = await timed(() => b.team.sync());
  a.core.close();
  b.core.close();
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  return (
    `first sync, L library (${files.length} reports): push ${pushed.pushed.accepted} objects ${s(pushMs)} (CPU ${s(pushCpu)}); ` +
    `empty client pulls ${pulled.pulled.pulled} objects + ${pulled.pulled.documents} documents (parsed) ${s(pullMs)} ` +
    `(CPU ${s(pullCpu)}); peak RSS ${rss} MB; ${load()}`
  );
}

/**
 * A new edition of the largest report (a paragraph added halfway): 甲 replaces it and pushes the
 * document with the annotations it re-anchored; 乙 pulls it, fetches and parses the file, replaces
 * its edition and re-anchors there (issue 14). CPU is this process's (both desktops and the hub).
 */
async function replaceLargest(a: Desk, b: Desk, dir: string): Promise<string> {
  const doc = a.core.ctx.db
    .prepare(
      `SELECT d.id, d.source_file AS file, count(*) AS n FROM documents d JOIN passages p ON p.document_id = d.id
       GROUP BY d.id ORDER BY n DESC LIMIT 1`,
    )
    .get() as { id: string; file: string; n: number };
  const annotations = a.core.ctx.db
    .prepare(`SELECT count(*) FROM annotations WHERE document_id = ?`)
    .pluck()
    .get(doc.id) as number;
  const text = fs.readFileSync(doc.file, 'utf8');
  const at = text.indexOf('\n', Math.floor(text.length / 2));
  const revised = path.join(dir, `revised-${path.basename(doc.file)}`);
  fs.writeFileSync(revised, `${text.slice(0, at)}\n\n补充说明:本报告修订版本新增的一段。\n${text.slice(at)}`);
  const [, replaceMs, replaceCpu] = await timed(() =>
    importFiles(a.core.ctx, [revised], { inline: true, replace: doc.id }),
  );
  const [pushed, pushMs, pushCpu] = await timed(() => a.team.sync());
  const [pulled, pullMs, pullCpu] = await timed(() => b.team.sync());
  const bytes = fs.statSync(revised).size;
  return (
    `replace of the largest report (${doc.n} passages, ${(bytes / 1024).toFixed(0)} KB, ${annotations} annotations on it): ` +
    `甲 replaces ${s(replaceMs)} (CPU ${s(replaceCpu)}), pushes ${pushed.pushed.accepted} objects ${s(pushMs)} (CPU ${s(pushCpu)}); ` +
    `乙 pulls ${pulled.pulled.pulled} objects and replaces ${pulled.pulled.replaced} document ${s(pullMs)} (CPU ${s(pullCpu)}), ` +
    `pushes back ${pulled.pushed.sent}; ${load()}`
  );
}

export async function teamBench(): Promise<string> {
  if (!pgAvailable) return 'Team sync: skipped (PostgreSQL binaries not installed)\n';
  const cluster = await startPgCluster();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-team-'));
  try {
    const databaseUrl = cluster.createDatabase('team_bench');
    const hub = await startHub({ databaseUrl, keyFile: path.join(dir, 'hub.key') });
    const codes = await withHubPool(databaseUrl, async (pool) => {
      await ensureLibrary(pool, '基准');
      await ensureLibrary(pool, '基准L');
      return Promise.all(
        [0, 1, 2, 3].map(
          async (i) =>
            (await createInvitation(pool, { library: i < 2 ? '基准' : '基准L', role: 'editor' })).code,
        ),
      );
    });
    const a = desk(dir, 'a');
    const b = desk(dir, 'b');
    await importFiles(a.core.ctx, corpusFiles(), { inline: true });
    annotate(a, 5000, 7);
    await a.team.join({ hubUrl: hub.url, code: codes[0]!, memberName: '甲' });
    await b.team.join({ hubUrl: hub.url, code: codes[1]!, memberName: '乙' });
    const [firstPush, pushMs] = await timed(() => a.team.sync());
    const [firstPull, pullMs] = await timed(() => b.team.sync());
    annotate(a, 1000, 8);
    const [, incPushMs, incPushCpu] = await timed(() => a.team.sync());
    const [incPull, incPullMs, incPullCpu] = await timed(() => b.team.sync());
    const replaced = await replaceLargest(a, b, dir);
    a.core.close();
    b.core.close();
    const docs = firstPull.pulled.documents;
    const lines = [
      'Team sync (desktop ↔ hub, one process, throwaway PostgreSQL)',
      `first sync, M library: push ${firstPush.pushed.accepted} objects ${s(pushMs)}; empty client pulls ${firstPull.pulled.pulled} objects + ${docs} documents (parsed) ${s(pullMs)}`,
      `incremental 1,000 annotations: push ${s(incPushMs)} (CPU ${s(incPushCpu)}), pull ${incPull.pulled.pulled} objects ${s(incPullMs)} (CPU ${s(incPullCpu)}) (target ≤ 2 s each); ${load()}`,
      replaced,
    ];
    if (process.env.BENCH_TEAM_L !== '0') lines.push(await firstSyncL(hub.url, codes.slice(2), dir));
    await hub.close();
    return [...lines, ''].join('\n');
  } finally {
    cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void teamBench().then((text) => process.stdout.write(text));
