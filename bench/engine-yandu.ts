/** One tier, one engine (yandu's lunr-ranked segmented index), in its own process: prints JSON. */
import fs from 'node:fs';
import { createCore } from '../electron/main/core/app-core';
import { searchServiceFor } from '../electron/main/search/search-service';
import { indexBytes } from '../electron/main/search/segment-store';
import { insertDocument } from '../electron/main/store/document-writer';
import { lagMonitor, peakRssMb, timeQueries, type EngineFigures } from './measure';
import { oneMoreDocument } from './one-more';

async function main() {
  const [dbFile, queriesFile] = process.argv.slice(2) as [string, string];
  const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
  const core = createCore({ databasePath: dbFile });
  const { ctx } = core;
  const service = searchServiceFor(ctx);
  const notes: string[] = [];

  // Full rebuild in slices on this thread, as the app does it; the event loop's worst wait shows
  // whether the window would have stayed responsive.
  let progressCalls = 0;
  const lag = await lagMonitor();
  let t = performance.now();
  await service.index.rebuild(() => progressCalls++);
  const buildMs = performance.now() - t;
  const buildLagMs = await lag();
  notes.push(`rebuild reported progress ${progressCalls} times`);
  await service.index.settle();
  // Peak RSS so far: how much of the final peak the rebuild accounts for, apart from the queries.
  notes.push(`peak RSS ${peakRssMb().toFixed(0)} MB after the rebuild`);

  // One more document: stored, then asked for at once (the query indexes it on the spot).
  const marker = '基准测试新增文档标记甲';
  insertDocument(ctx.db, oneMoreDocument(ctx.db, marker), { file: null, format: 'bench' });
  t = performance.now();
  const found = service.hits(marker, { limit: 5 });
  const oneMoreMs = performance.now() - t;
  if (found.total < 1) throw new Error('the new document was not found');

  // And again through the import event, indexed in the background without a query.
  const marker2 = '基准测试新增文档标记乙';
  insertDocument(ctx.db, oneMoreDocument(ctx.db, marker2), { file: null, format: 'bench' });
  t = performance.now();
  ctx.events.emit('library:changed', { documentIds: [] });
  await service.index.settle();
  const oneMoreBackgroundMs = performance.now() - t;
  if (service.hits(marker2, { limit: 5 }).total < 1) throw new Error('the second new document was not found');

  notes.push(`peak RSS ${peakRssMb().toFixed(0)} MB after indexing one more document twice`);
  const { p50, p95, cpuP50, cpuP95 } = timeQueries(queries, (q) => service.query(q, { limit: 50 }));
  const figures: Omit<EngineFigures, 'startToAnswerMs' | 'documents' | 'chars'> = {
    engine: 'yandu',
    buildMs,
    buildLagMs,
    oneMoreMs,
    oneMoreBackgroundMs,
    p50,
    p95,
    cpuP50,
    cpuP95,
    queries: queries.length,
    peakRssMb: peakRssMb(),
    indexBytes: indexBytes(ctx.db),
    notes,
  };
  ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

void main();
