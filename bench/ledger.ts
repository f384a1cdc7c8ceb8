/**
 * Target ledger rows of `npm run bench`: on each tier, the first ledger (every document's targets
 * and outcomes read), the ledger as the screen asks for it (median of 5; budget ≤ 1 s at L), and
 * one more document imported: its facts read by the import hook, then the ledger again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../electron/main/core/app-core';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { listLedger, refreshLedgerInSlices } from '../electron/main/ledger/ledger-service';
import { insertDocument } from '../electron/main/store/document-writer';
import { oneMoreDocument } from './one-more';
import { scratchCopy, tierDatabase, type Tier } from './tiers';

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);

function timed<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

export async function ledgerBench(tiers: Tier[]): Promise<string> {
  const lines = [
    '| tier | docs | ledger rows | read every document (sliced) | max loop lag | ledger p50 | +1 doc facts (import hook) | ledger after +1 |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const tier of tiers) {
    const file = scratchCopy(await tierDatabase(tier), 'ledger');
    const core = createCore({ databasePath: file });
    try {
      const { db } = core.ctx;
      const docs = (db.prepare(`SELECT count(*) AS n FROM documents`).get() as { n: number }).n;
      // A library from before the ledger: every document read, a few at a time.
      const lag = monitorEventLoopDelay({ resolution: 5 });
      lag.enable();
      const started = performance.now();
      await refreshLedgerInSlices(db);
      const readAll = performance.now() - started;
      lag.disable();
      const first = timed(() => listLedger(db));
      const runs = Array.from({ length: 5 }, () => timed(() => listLedger(db)).ms).sort((a, b) => a - b);
      const doc = oneMoreDocument(db, `台账基准${Date.now()}`);
      const added = timed(() => {
        const id = insertDocument(db, doc, { file: null, format: 'generated' });
        core.ctx.events.emit('library:changed', { documentIds: [id] });
      });
      const after = timed(() => listLedger(db));
      lines.push(
        `| ${[
          tier,
          docs,
          first.value.length,
          ms(readAll),
          ms(lag.max / 1e6),
          ms(runs[2]!),
          ms(added.ms),
          ms(after.ms),
        ].join(' | ')} |`,
      );
      process.stderr.write(`tier ${tier}: ledger done\n`);
    } finally {
      core.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }
  return `${lines.join('\n')}\n- ledger: budget ≤ 1 s at L for the ledger the screen shows; "+1 doc" = insert + the library:changed hook that reads its targets and outcomes.\n`;
}

if (require.main === module) {
  const tiers = (process.env.BENCH_TIERS?.split(',') as Tier[] | undefined) ?? ['S', 'M', 'L'];
  void ledgerBench(tiers).then((table) => process.stdout.write(`${table}\n`));
}
