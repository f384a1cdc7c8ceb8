/**
 * Where the scale bench's peak RSS comes from: the steps of bench/engine-yandu.ts (rebuild, one
 * more document, 300 queries) over a scratch copy of a library, with process.memoryUsage() after
 * each step and its maximum sampled during the rebuild — V8's heap, memory outside it held by JS
 * (ArrayBuffers, external strings) and the rest (SQLite's page cache, malloc), which RSS also counts.
 * `npx tsx bench/memory-phases.ts library.db queries.json` (queries as engine-yandu.ts takes them);
 * as the scale bench runs the engines, without tsx's 50 MB: `node -e "require('./scripts/build-cli.cjs')
 * .bundleScript('bench/memory-phases.ts', 'bench')"`, then `node out/bench/memory-phases.cjs …`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../electron/main/core/app-core';
import { searchServiceFor } from '../electron/main/search/search-service';
import { insertDocument } from '../electron/main/store/document-writer';
import { peakRssMb } from './measure';
import { oneMoreDocument } from './one-more';
import { scratchCopy } from './tiers';

const mb = (n: number) => (n / 1048576).toFixed(0);

function row(step: string): void {
  const m = process.memoryUsage();
  const js = m.heapTotal + m.external;
  console.log(
    `${step.padEnd(22)} rss ${mb(m.rss)} peak ${peakRssMb().toFixed(0)} | heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} ` +
      `external ${mb(m.external)} (arrayBuffers ${mb(m.arrayBuffers)}) | outside JS ${mb(m.rss - js)} MB`,
  );
}

async function main() {
  const [source, queriesFile] = process.argv.slice(2) as [string, string];
  const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
  const copy = scratchCopy(source, 'memory-phases');
  const core = createCore({ databasePath: copy });
  const service = searchServiceFor(core.ctx);
  row('open');
  let batches = 0;
  await service.index.rebuild(() => {
    if (++batches % 5 === 0) row(`rebuild batch ${batches}`);
  });
  await service.index.settle();
  row('after the rebuild');
  insertDocument(core.ctx.db, oneMoreDocument(core.ctx.db, '基准测试新增文档标记甲'), { file: null, format: 'bench' });
  core.ctx.events.emit('library:changed', { documentIds: [] });
  await service.index.settle();
  row('after one more');
  queries.forEach((q, i) => {
    service.query(q, { limit: 50 });
    if ((i + 1) % 100 === 0) row(`query ${i + 1}`);
  });
  core.close();
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
}

void main();
