/**
 * The query phase of the scale bench alone, over a library imported once and cached: a run costs
 * seconds instead of the whole import + FTS5 comparison, so a change to the query path can be
 * measured (and profiled with `node --cpu-prof`) again and again. Prints CPU and wall p50/p95 of
 * the scale bench's 300 queries, where the CPU of a query goes (matching, lunr windows, answer
 * building), and memory: peak RSS and what the process holds after the queries.
 * `npx tsx bench/query-phase.ts [library.db]` (default: the L library, made on first use);
 * `--rebuild` rebuilds the index first, as the scale bench does (its peak RSS includes that);
 * `--dump=answers.json` writes the 300 answers (tookMs zeroed), to compare before and after;
 * `--keep` keeps the scratch copy (its path printed last), to look at what a rebuild wrote;
 * `--slow=N` lists the N queries slowest to match.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../electron/main/core/app-core';
import { searchServiceFor } from '../electron/main/search/search-service';
import { runToEnd } from '../electron/main/search/segment-build';
import { migrations } from '../electron/main/store/migrations';
import { peakRssMb, percentile, timeQueries } from './measure';
import { tierFiles } from './scale';
import { CACHE, realQueries, ROOT, scratchCopy } from './tiers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCli } = require(path.join(ROOT, 'scripts/build-cli.cjs')) as { buildCli(): string };

/**
 * The L library as `yandu import` makes it, cached beside the bench's other libraries. Named by
 * the schema it was made at: a cache of an older schema would be migrated at every open (with the
 * backup a migration takes first), which the figures would then include.
 */
async function libraryL(): Promise<string> {
  const file = path.join(CACHE, `scale-L-schema${migrations.length}.db`);
  if (fs.existsSync(file)) return file;
  const files = await tierFiles('L');
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const r = spawnSync(process.execPath, [buildCli(), 'import', files, '--db', partial, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`import failed:\n${r.stderr}`);
  fs.renameSync(partial, file);
  return file;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

/**
 * Blocks unpacked and the CPU spent on it (block-codec.ts calls brotli through the zlib module
 * object, wrapped here): a packed block read again after eviction is unpacked again.
 */
const unpacking = { blocks: 0, ms: 0 };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zlib = require('node:zlib') as { brotliDecompressSync: (...a: unknown[]) => Buffer };
const brotliDecompressSync = zlib.brotliDecompressSync;
zlib.brotliDecompressSync = (...a: unknown[]) => {
  const t = cpu();
  const out = brotliDecompressSync(...a);
  unpacking.ms += cpu() - t;
  unpacking.blocks++;
  return out;
};
const f1 = (n: number) => n.toFixed(1);

async function main() {
  // The index loads on unref'd timers (background work never keeps a CLI run alive): hold the
  // process open until the figures are printed.
  const alive = setInterval(() => {}, 1000);
  const args = process.argv.slice(2);
  const source = args.find((a) => !a.startsWith('--')) ?? (await libraryL());
  const db = scratchCopy(source, 'query-phase');
  const core = createCore({ databasePath: db });
  const service = searchServiceFor(core.ctx);
  const texts = core.ctx.db.prepare(`SELECT text FROM passages`).pluck().all() as string[];
  const queries = realQueries(texts);
  texts.length = 0;
  // Peak RSS after each step: what the rebuild (or the load) adds, apart from what queries add.
  const peaks = [`before the index ${peakRssMb().toFixed(0)} MB`];
  if (args.includes('--rebuild')) await service.index.rebuild();
  await service.index.settle();
  peaks.push(`after ${args.includes('--rebuild') ? 'the rebuild' : 'loading'} ${peakRssMb().toFixed(0)} MB`);
  const opened = cpu();
  service.query(queries[0]!, { limit: 50 });
  const firstMs = cpu() - opened;

  // The queries as the app answers them (as the scale bench times them): one `service.query` each.
  // First, so the phases' pass below cannot warm what these find cold (segmented context windows).
  const before = { reads: service.index.blocks.reads, ...unpacking };
  const { p50, p95, cpuP50, cpuP95 } = timeQueries(queries, (q) => service.query(q, { limit: 50 }));

  // Each query again in three phases, timed on their own: matching and first-pass scores, lunr
  // ranking of the page, the answer with snippets and citations. The answer phase calls
  // `service.query`, whose search finds the ranked result kept by the first two phases: its hits
  // (ranges), citations, texts and snippets are built once, as in the app. Context windows the
  // first pass segmented are known now: the rank phase is that of a query asked before.
  const blockReads = service.index.blocks.reads - before.reads;
  const unpacked = `${unpacking.blocks - before.blocks} unpacked (${f1(unpacking.ms - before.ms)} ms CPU)`;
  const phases = { match: [] as number[], rank: [] as number[], answer: [] as number[] };
  // The answers, to compare before and after a change to the query path (they must not differ).
  const dump = args.find((a) => a.startsWith('--dump='));
  const answers: unknown[] = [];
  const slow: { q: string; ms: number; reads: number; total: number }[] = [];
  for (const q of queries) {
    let t = cpu();
    const reads = service.index.blocks.reads;
    const answer = service.index.search(q);
    phases.match.push(cpu() - t);
    slow.push({ q, ms: cpu() - t, reads: service.index.blocks.reads - reads, total: answer.result.total });
    t = cpu();
    runToEnd(answer.result.rank(50));
    phases.rank.push(cpu() - t);
    t = cpu();
    const response = service.query(q, { limit: 50 });
    phases.answer.push(cpu() - t);
    if (dump) answers.push({ ...response, tookMs: 0 });
  }
  if (dump) fs.writeFileSync(dump.slice('--dump='.length), JSON.stringify(answers, null, 1));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const total = sum(phases.match) + sum(phases.rank) + sum(phases.answer);
  const share = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `${((100 * sum(xs)) / total).toFixed(0)} % (p50 ${f1(percentile(sorted, 50))} / p95 ${f1(percentile(sorted, 95))} ms)`;
  };
  const memory = process.memoryUsage();
  // `--slow=N`: the N queries whose matching cost most, with their hits and the blocks they read.
  const slowest = Number(args.find((a) => a.startsWith('--slow='))?.slice('--slow='.length) ?? 0);
  const slowLines = slow
    .sort((a, b) => b.ms - a.ms)
    .slice(0, slowest)
    .map((x) => `  ${JSON.stringify(x.q)} (${x.q.length}): match ${f1(x.ms)} ms CPU, ${x.total} hits, ${x.reads} blocks read`);
  const lines = [
    `library: ${source} (${queries.length} queries, limit 50)`,
    `first query after open: ${f1(firstMs)} ms CPU`,
    `query wall p50 / p95 (service.query alone): ${f1(p50)} / ${f1(p95)} ms`,
    `query CPU p50 / p95 (service.query alone): ${f1(cpuP50)} / ${f1(cpuP95)} ms`,
    `blocks read by those queries (warm-up included): ${blockReads}, ${unpacked}`,
    `CPU by phase (second pass, windows known): match ${share(phases.match)}, rank ${share(phases.rank)}, answer ${share(phases.answer)}`,
    `peak RSS ${peakRssMb().toFixed(0)} MB (${peaks.join(', ')}); now: rss ${mb(memory.rss)}, heap ${mb(memory.heapUsed)}, array buffers ${mb(memory.arrayBuffers)}, block cache ${mb(service.index.blocks.bytes)}`,
  ];
  if (slowest) lines.push(`slowest to match:`, ...slowLines);
  core.close();
  // `--keep`: the scratch library stays (its path printed), to look at the segments a rebuild wrote.
  if (args.includes('--keep')) lines.push(`kept: ${db}`);
  else fs.rmSync(path.dirname(db), { recursive: true, force: true });
  process.stdout.write(`${lines.join('\n')}\n`);
  clearInterval(alive);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
