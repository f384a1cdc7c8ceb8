import { expect, it } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { BlockCache } from '../../../electron/main/search/segment-parts';
import {
  deleteSegments,
  dropBlocks,
  listSegments,
  loadSegment,
  orphanBlockSegments,
  saveSegment,
} from '../../../electron/main/search/segment-store';
import { coreOpener, corpusFiles, SEED, searchAll, tempDatabase, unitKey } from './library';

const open = coreOpener();

const blockCount = (core: Core) =>
  core.ctx.db.prepare(`SELECT count(*) FROM search_blocks`).pluck().get() as number;

it('opens a library without reading its posting or text blocks; a query reads those of its terms', async () => {
  const file = tempDatabase();
  const first = open(file);
  await importFiles(first.ctx, [SEED, ...corpusFiles().slice(0, 4)], { inline: true });
  const expected = searchAll(first, '口岸').hits.map(unitKey).sort();
  expect(expected.length).toBeGreaterThan(0);
  first.close();

  const next = open(file);
  const index = searchServiceFor(next.ctx).index;
  await index.load();
  expect(index.status().state).not.toBe('cold');
  expect(index.blocks.reads).toBe(0);
  expect(searchAll(next, '口岸').hits.map(unitKey).sort()).toEqual(expected);
  const total = blockCount(next);
  expect(index.blocks.reads).toBeGreaterThan(0);
  expect(index.blocks.reads).toBeLessThan(total / 2);
});

it('follows segments another connection replaced, and drops replaced blocks once no query runs', async () => {
  const file = tempDatabase();
  const app = open(file);
  await importFiles(app.ctx, [SEED], { inline: true });
  const index = searchServiceFor(app.ctx).index;
  index.indexPendingNow();
  // The app has its segments' heads, and none of their blocks in its cache.
  expect(index.blocks.reads).toBe(0);

  // A second connection (the CLI beside the app) rebuilds the index: every segment the app loaded is gone.
  const cli = open(file);
  const other = searchServiceFor(cli.ctx).index;
  await other.rebuild();
  await other.settle();
  expect(orphanBlockSegments(cli.ctx.db)).toEqual([]);

  const queries = ['疫情', '高质量发展', '2021'];
  const expected = queries.map((q) => searchAll(cli, q).hits.map(unitKey).sort());
  expect(expected[0]!.length).toBeGreaterThan(0);
  expect(queries.map((q) => searchAll(app, q).hits.map(unitKey).sort())).toEqual(expected);
});

it('never hands out a segment id twice, even once the newest segment and its blocks are gone', async () => {
  const core = open(tempDatabase());
  await importFiles(core.ctx, [SEED], { inline: true });
  searchServiceFor(core.ctx).index.indexPendingNow();
  const { db } = core.ctx;
  const [row] = listSegments(db).slice(-1);
  const segment = loadSegment(db, row!.id, new BlockCache(1 << 26));
  const copy = saveSegment(db, segment, row!.kinds);
  deleteSegments(db, [copy]);
  dropBlocks(db, copy);
  expect(orphanBlockSegments(db)).toEqual([]);
  expect(saveSegment(db, segment, row!.kinds)).toBeGreaterThan(copy);
});
