/**
 * The `yandu` command as a user starts it: a fresh process running the bundle (out/cli/yandu.cjs,
 * rebuilt here first so the figures are for this checkout), timed from spawn to exit, answer printed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { percentile } from './measure';
import { ROOT, scratchCopy, tierDatabase, type Tier } from './tiers';

const RUNS = 7;
const QUERY = '高质量发展';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCli } = require(path.join(ROOT, 'scripts/build-cli.cjs')) as { buildCli(): string };

function timedRun(bundle: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`yandu ${args.join(' ')} failed:\n${result.stderr}`);
  return elapsed;
}

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);

function row(label: string, target: string, bundle: string, args: string[]): string {
  const first = timedRun(bundle, args);
  const rest = Array.from({ length: RUNS - 1 }, () => timedRun(bundle, args)).sort((a, b) => a - b);
  const all = [first, ...rest].sort((a, b) => a - b);
  return `| ${label} | ${ms(first)} | ${ms(percentile(all, 50))} | ${ms(all[all.length - 1]!)} | ${target} |`;
}

/** Markdown rows: `yandu list` and the first `yandu search` answer, per tier. */
export async function cliBench(tiers: Tier[]): Promise<string> {
  const bundle = buildCli();
  const lines = [
    `| yandu command (bundle, process start to exit) | first run | median of ${RUNS} | slowest | target |`,
    '|---|---|---|---|---|',
  ];
  for (const tier of tiers) {
    const db = scratchCopy(await tierDatabase(tier), `cli-${tier}`);
    // The app indexes a library as documents arrive; this run stands in for that, untimed.
    const indexing = timedRun(bundle, ['search', QUERY, '--db', db, '--json']);
    lines.push(row(`${tier}: yandu list --json`, '≤ 300 ms', bundle, ['list', '--db', db, '--json']));
    lines.push(
      row(
        `${tier}: yandu search ${QUERY} --json (index persisted; building it took ${ms(indexing)})`,
        '≤ 1 s',
        bundle,
        ['search', QUERY, '--db', db, '--json', '--limit', '50'],
      ),
    );
    fs.rmSync(path.dirname(db), { recursive: true, force: true });
  }
  return `${lines.join('\n')}\n\n`;
}

if (require.main === module)
  void cliBench((process.env.BENCH_TIERS?.split(',') as Tier[] | undefined) ?? ['S', 'M', 'L']).then((t) =>
    process.stdout.write(t),
  );
