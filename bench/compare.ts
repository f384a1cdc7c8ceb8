/**
 * Rows for `npm run bench`: comparing two reports (对照阅读), budget ≤ 500 ms. M = the national
 * reports of 2024 and 2025; L = the two largest generated documents; S = the seed with itself.
 * Also the longest step between two yields: what one slice of the task runner can hold the loop.
 */
import { compareDocuments } from '../electron/main/compare/compare-documents';
import { compareServiceFor } from '../electron/main/compare/compare-service';
import { createCore } from '../electron/main/core/app-core';
import { getDocumentBundle } from '../electron/main/store/document-reader';
import { percentile } from './measure';
import { tierDatabase, type Tier } from './tiers';

const RUNS = 7;
const BUDGET_MS = 500;

function pairOf(tier: Tier, db: ReturnType<typeof createCore>['ctx']['db']): [string, string] {
  if (tier === 'M') {
    const id = (title: string) =>
      (db.prepare(`SELECT id FROM documents WHERE title = ?`).pluck().get(title) as string | undefined) ??
      (() => {
        throw new Error(`bench: the corpus has no ${title}`);
      })();
    return [id('2024年政府工作报告'), id('2025年政府工作报告')];
  }
  const largest = db
    .prepare(`SELECT document_id FROM passages GROUP BY document_id ORDER BY sum(length(text)) DESC LIMIT 2`)
    .pluck()
    .all() as string[];
  return tier === 'S' ? [largest[0]!, largest[0]!] : [largest[1]!, largest[0]!];
}

export async function compareBench(tiers: Tier[]): Promise<void> {
  const lines = [
    '| tier | pair | text A + B | sections A / B | compare p50 | compare max | CPU p50 | longest step | budget |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const tier of tiers) {
    const core = createCore({ databasePath: await tierDatabase(tier), readonly: true });
    const [a, b] = pairOf(tier, core.ctx.db);
    const service = compareServiceFor(core.ctx);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      service.compareNow(a, b);
      const used = process.cpuUsage(cpuStarted);
      times.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
    times.sort((x, y) => x - y);
    cpu.sort((x, y) => x - y);
    const A = getDocumentBundle(core.ctx.db, a)!;
    const B = getDocumentBundle(core.ctx.db, b)!;
    let longestStep = 0;
    const task = compareDocuments(A, B);
    for (;;) {
      const started = performance.now();
      const step = task.next();
      longestStep = Math.max(longestStep, performance.now() - started);
      if (step.done) break;
    }
    const chars = [A, B].reduce((n, d) => n + d.passages.reduce((m, p) => m + p.text.length, 0), 0);
    const max = times[times.length - 1]!;
    lines.push(
      `| ${[
        tier,
        `${A.document.title} / ${B.document.title}`,
        `${(chars / 1000).toFixed(0)} k chars`,
        `${A.sections.length} / ${B.sections.length}`,
        `${percentile(times, 50).toFixed(1)} ms`,
        `${max.toFixed(1)} ms`,
        `${percentile(cpu, 50).toFixed(1)} ms`,
        `${longestStep.toFixed(1)} ms`,
        percentile(times, 50) <= BUDGET_MS ? `p50 ≤ ${BUDGET_MS} ms ✓` : `p50 over ${BUDGET_MS} ms ✗`,
      ].join(' | ')} |`,
    );
    core.close();
  }
  process.stdout.write(
    `\nComparing two reports (${RUNS} runs each, bundles loaded from the library every time; wall clock on a shared machine, CPU = this process' time)\n\n`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module)
  void compareBench((process.env.BENCH_TIERS?.split(',') as Tier[] | undefined) ?? ['S', 'M', 'L']);
