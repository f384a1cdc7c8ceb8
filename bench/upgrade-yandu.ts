/**
 * A large library written before positions were kept, opened by this version (issue 15: an
 * upgrade migrates the index in the background, with progress, and search answers meanwhile).
 * The scale bench's library is first written back as the last version left it — each segment's
 * blocks as they are, no positions — then opened through the composition root, as the app opens
 * it. Figures: the time until the index status reports no upgrade, the progress it reported, and
 * the queries answered meanwhile (one every 50 ms, the scale bench's own).
 * `upgrade-yandu.ts <library.db> <queries.json>` prints one JSON line.
 */
import fs from 'node:fs';
import { createCore } from '../electron/main/core/app-core';
import { searchServiceFor } from '../electron/main/search/search-service';
import { BlockCache } from '../electron/main/search/segment-parts';
import { dropBlocks, listSegments, loadSegment, saveSegment } from '../electron/main/search/segment-store';
import { openDatabase } from '../electron/main/store/database';
import { percentile } from './measure';

const [dbFile, queriesFile] = process.argv.slice(2) as [string, string];

/** Every segment written again as the last version wrote a large index's: unpacked, no positions. */
function asLastVersionWroteIt(): number {
  const db = openDatabase(dbFile);
  const rows = listSegments(db);
  for (const row of rows) {
    const segment = loadSegment(db, row.id, new BlockCache(1 << 26));
    saveSegment(db, { ...segment, positions: undefined }, row.kinds, [row.id], 4, false);
    dropBlocks(db, row.id);
  }
  db.close();
  return rows.length;
}

async function main() {
  const segments = asLastVersionWroteIt();
  const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
  const started = performance.now();
  const core = createCore({ databasePath: dbFile });
  const index = searchServiceFor(core.ctx).index;
  const progress = new Set<string>();
  const answered: number[] = [];
  let peakRss = 0;
  const asking = setInterval(() => {
    const q = queries[answered.length % queries.length]!;
    const t = performance.now();
    index.search(q);
    answered.push(performance.now() - t);
    const up = index.status().upgrade;
    if (up) progress.add(`${up.done}/${up.total}`);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  await index.load();
  await index.scheduleSync();
  clearInterval(asking);
  const ms = performance.now() - started;
  const upgraded = listSegments(core.ctx.db).filter(
    (r) => loadSegment(core.ctx.db, r.id, new BlockCache(1 << 20)).positions !== undefined,
  ).length;
  core.close();
  const sorted = [...answered].sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      segments,
      upgraded,
      ms,
      progress: [...progress],
      queries: answered.length,
      p50: percentile(sorted, 50),
      max: sorted.at(-1) ?? 0,
      peakRssMb: peakRss / 1048576,
    })}\n`,
  );
}

void main();
