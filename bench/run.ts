/**
 * `npm run bench`: search on three libraries — S (the bundled seed), M (all of ../shared/corpus),
 * L (500 generated documents) — with yandu's engine and with SQLite FTS5 (trigram) on the same
 * text, each engine in its own process so that peak memory is its own. Prints one table, then
 * the other parts' tables and, last, the large-library table of bench/scale.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ledgerBench } from './ledger';
import { compareBench } from './compare';
import { libraryCareBench } from './library-care';
import { hostileInputsTable } from './hostile';
import { cliBench } from './cli';
import { readerBench } from './reader';
import type { EngineFigures } from './measure';
import { realQueries, scratchCopy, searchableTexts, tierDatabase, type Tier } from './tiers';
import { runXrefBench } from './xref';
import { queryStallBench } from './query-stall';
import { scaleBench, type ScaleTier } from './scale';
import { hubBench } from './hub';
import { teamBench } from './team';
import { ocrBench } from './ocr';

const TIERS: Tier[] = (process.env.BENCH_TIERS?.split(',') as Tier[] | undefined) ?? ['S', 'M', 'L'];
const FIRST_QUERY = '高质量发展';

function child<T>(script: string, args: string[]): T {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}`);
  const last = result.stdout.trim().split('\n').pop()!;
  return JSON.parse(last) as T;
}

const ms = (n: number | null) =>
  n === null || Number.isNaN(n) ? '—' : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

async function main() {
  const rows: (EngineFigures & { tier: Tier; startAfterLoadMs: number })[] = [];
  for (const tier of TIERS) {
    const started = performance.now();
    const db = await tierDatabase(tier);
    const { documents, texts } = searchableTexts(db);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const queries = realQueries(texts);
    const queriesFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-q-')), 'queries.json');
    fs.writeFileSync(queriesFile, JSON.stringify(queries));
    process.stderr.write(
      `tier ${tier}: library ready (${ms(performance.now() - started)}), ${queries.length} queries\n`,
    );

    const yanduDb = scratchCopy(db, 'yandu');
    const y = child<Omit<EngineFigures, 'startToAnswerMs' | 'documents' | 'chars'>>('engine-yandu.ts', [
      yanduDb,
      queriesFile,
    ]);
    const ys = child<{ ms: number; afterLoadMs: number }>('startup-yandu.ts', [yanduDb, FIRST_QUERY]);
    rows.push({ ...y, tier, documents, chars, startToAnswerMs: ys.ms, startAfterLoadMs: ys.afterLoadMs });
    process.stderr.write(`tier ${tier}: yandu done\n`);

    const ftsDb = scratchCopy(db, 'fts5');
    const f = child<Omit<EngineFigures, 'startToAnswerMs' | 'documents' | 'chars'>>('engine-fts5.ts', [
      ftsDb,
      queriesFile,
    ]);
    const fs5 = child<{ ms: number; afterLoadMs: number }>('engine-fts5.ts', [
      ftsDb,
      queriesFile,
      'startup',
      FIRST_QUERY,
    ]);
    rows.push({
      ...f,
      tier,
      documents,
      chars,
      startToAnswerMs: fs5.ms,
      startAfterLoadMs: fs5.afterLoadMs,
    });
    process.stderr.write(`tier ${tier}: fts5 done\n`);
    for (const file of [yanduDb, ftsDb, queriesFile])
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }

  const header = [
    'tier',
    'docs',
    'text',
    'engine',
    'full build',
    'max loop lag',
    '+1 doc searchable',
    '+1 doc (background)',
    'start → 1st answer (after load)',
    'query p50',
    'query p95',
    'CPU p95',
    'peak RSS',
    'index size',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows)
    lines.push(
      `| ${[
        r.tier,
        r.documents,
        `${(r.chars / 1e6).toFixed(2)} M chars`,
        r.engine === 'yandu' ? 'yandu (lunr-ranked segments)' : 'SQLite FTS5 trigram',
        ms(r.buildMs),
        ms(r.buildLagMs),
        ms(r.oneMoreMs),
        ms(r.oneMoreBackgroundMs),
        `${ms(r.startToAnswerMs)} (${ms(r.startAfterLoadMs)})`,
        ms(r.p50),
        ms(r.p95),
        ms(r.cpuP95),
        `${r.peakRssMb.toFixed(0)} MB`,
        mb(r.indexBytes),
      ].join(' | ')} |`,
    );
  process.stdout.write(`${lines.join('\n')}\n\n`);
  const notes = new Set(
    rows.flatMap((r) => r.notes.map((n) => `${r.engine}${r.engine === 'yandu' ? ` (${r.tier})` : ''}: ${n}`)),
  );
  for (const n of notes) process.stdout.write(`- ${n}\n`);
  process.stdout.write(
    `- queries: ${rows[0]?.queries ?? 0}+ per tier, substrings of the tier's own text (1–8 Chinese characters, Latin/number strings) plus common topics; each answer = total + best 50 with snippets.\n` +
      `- query p50/p95 are wall-clock times on a 2-core machine shared with other work; CPU p95 is the process' CPU time per query.\n` +
      `- start → 1st answer counts from process start (module loading under tsx included); in brackets, from opening the library.\n`,
  );
  process.stdout.write(`\n${await ledgerBench(TIERS)}`);
  await compareBench(TIERS);
  process.stdout.write(`\nLibrary care (backups, restore, delete):\n\n${await libraryCareBench(TIERS)}`);
  if (process.env.BENCH_HOSTILE !== '0') process.stdout.write(`\n${await hostileInputsTable()}`);
  await runXrefBench(TIERS);
  process.stdout.write(`\n${child<{ table: string }>('print.ts', []).table}`);
  process.stdout.write(`\n${child<{ table: string }>('briefing.ts', []).table}`);
  process.stdout.write(`\n${await cliBench(TIERS)}`);
  process.stdout.write(await readerBench());
  process.stdout.write(await queryStallBench(TIERS));
  // Issue 15's large-library table: L by default, BENCH_SCALE=L,XL adds XL, BENCH_SCALE=0 skips it.
  if (process.env.BENCH_SCALE !== '0')
    process.stdout.write(await scaleBench((process.env.BENCH_SCALE?.split(',') ?? ['L']) as ScaleTier[]));
  if (process.env.BENCH_HUB !== '0') process.stdout.write(`\n${await hubBench()}`);
  if (process.env.BENCH_TEAM !== '0') process.stdout.write(`\n${await teamBench()}`);
  if (process.env.BENCH_OCR !== '0') process.stdout.write(`\n${await ocrBench()}`);
}

void main();
