/**
 * Rows for `npm run bench`: how long a search query can hold up the main process' event loop.
 * IPC answers queries in slices (SearchService.querySliced); the same queries answered at once
 * show the stall each would cause without slicing. Same queries, same index, both ways. The
 * longest step between two yields is what slicing bounds (the budget); the loop's longest wait
 * also counts garbage collection and other processes on a shared machine, so it is shown with the
 * longest GC pause beside it.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { createCore } from '../electron/main/core/app-core';
import { searchServiceFor } from '../electron/main/search/search-service';
import { lagMonitor, percentile } from './measure';
import { realQueries, searchableTexts, tierDatabase, type Tier } from './tiers';

const QUERIES = 120;
/** Longest one step of a query may hold the loop: IPC and window events stay responsive. */
const BUDGET_MS = 50;

export async function queryStallBench(tiers: Tier[]): Promise<string> {
  const lines = [
    '| tier | queries | sliced: longest step | sliced: longest loop wait (longest GC) | sliced: p50 / p95 wall | at once: longest query (= stall) | at once: p50 / p95 | budget |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const tier of tiers) {
    const file = await tierDatabase(tier);
    // More queries than the service caches answers: each pass, in the same order, misses the cache.
    const queries = realQueries(searchableTexts(file).texts, QUERIES);
    const core = createCore({ databasePath: file, readonly: true });
    const service = searchServiceFor(core.ctx);
    service.index.indexPendingNow();

    const sliced: number[] = [];
    let longestGc = 0;
    const gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longestGc = Math.max(longestGc, entry.duration);
    });
    gc.observe({ entryTypes: ['gc'] });
    const lag = await lagMonitor();
    for (const query of queries) {
      const started = performance.now();
      await service.querySliced(query, { limit: 50 });
      sliced.push(performance.now() - started);
    }
    const stall = await lag();
    gc.disconnect();

    const atOnce: number[] = [];
    for (const query of queries) {
      const started = performance.now();
      service.query(query, { limit: 50 });
      atOnce.push(performance.now() - started);
    }
    let longestStep = 0;
    for (const query of queries) {
      const steps = service.index.searchSteps(query, 50);
      for (;;) {
        const started = performance.now();
        const step = steps.next();
        longestStep = Math.max(longestStep, performance.now() - started);
        if (step.done) break;
      }
    }
    core.close();
    sliced.sort((a, b) => a - b);
    atOnce.sort((a, b) => a - b);
    lines.push(
      `| ${[
        tier,
        queries.length,
        `${longestStep.toFixed(1)} ms`,
        `${stall.toFixed(1)} ms (${longestGc.toFixed(1)} ms)`,
        `${percentile(sliced, 50).toFixed(1)} / ${percentile(sliced, 95).toFixed(1)} ms`,
        `${atOnce[atOnce.length - 1]!.toFixed(1)} ms`,
        `${percentile(atOnce, 50).toFixed(1)} / ${percentile(atOnce, 95).toFixed(1)} ms`,
        longestStep <= BUDGET_MS ? `step ≤ ${BUDGET_MS} ms ✓` : `step over ${BUDGET_MS} ms ✗`,
      ].join(' | ')} |`,
    );
  }
  return (
    `\nSearch queries and the event loop (IPC path in slices vs. the same queries at once; wall clock on a shared machine)\n\n` +
    `${lines.join('\n')}\n`
  );
}

if (require.main === module)
  void queryStallBench((process.env.BENCH_TIERS?.split(',') as Tier[] | undefined) ?? ['S', 'M', 'L']).then(
    (table) => process.stdout.write(table),
  );
