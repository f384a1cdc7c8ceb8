import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../../bench/generate';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { readDocument } from '../../../electron/main/ingest/read-document';
import { SearchIndex } from '../../../electron/main/search/search-index';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { insertDocument } from '../../../electron/main/store/document-writer';
import { SEED, tempDatabase } from './library';

let core: Core;

/** Broad queries: thousands of candidates verified one by one (an exclusion forbids the one-walk scan). */
const QUERIES = ['发展 -不存在的词语', '区', '经济 OR 企业', 'kind:passage year:2000..2100'];

beforeAll(async () => {
  core = createCore({ databasePath: tempDatabase() });
  const { doc } = await readDocument(SEED);
  for (const generated of generateLibrary([doc], 150, 11))
    insertDocument(core.ctx.db, generated, { file: null, format: 'generated' });
  searchServiceFor(core.ctx).index.indexPendingNow();
}, 120_000);
afterAll(() => core?.close());

/** Runs `work` while counting how often the event loop gets to run a timer. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  try {
    const value = await work();
    return { value, ticks };
  } finally {
    clearInterval(timer);
  }
}

describe('queries in slices', () => {
  it('gives the event loop back many times during a big query, with the same answer as at once', async () => {
    const service = searchServiceFor(core.ctx);
    // A fresh index with slices of one step each: how often the loop runs does not depend on speed.
    const index = new SearchIndex(core.ctx.db, () => service.sources(), 0);
    for (const query of QUERIES) {
      const { value, ticks } = await ticksDuring(() => index.searchSliced(query, 50));
      const atOnce = service.hits(query, { limit: 50 });
      expect(value.result.total).toBeGreaterThan(1000);
      expect(value.result.total).toBe(atOnce.total);
      expect(value.result.hits(0, 50)).toEqual(atOnce.hits);
      expect(ticks, query).toBeGreaterThanOrEqual(5);
    }
    index.queries.cancel('done');
  }, 120_000);

  it('answers the IPC shape in slices as the synchronous path does', async () => {
    const service = searchServiceFor(core.ctx);
    const { value, ticks } = await ticksDuring(() => service.querySliced('发展 -不存在的词语', { limit: 20 }));
    const atOnce = service.query('发展 -不存在的词语', { limit: 20 });
    expect(value.total).toBe(atOnce.total);
    expect(value.hits.map((h) => h.recordId)).toEqual(atOnce.hits.map((h) => h.recordId));
    // Cached after the first answer, or not: the promise resolves from a later turn of the loop.
    expect(ticks).toBeGreaterThanOrEqual(1);
  });

  it('rejects a query still queued when its library is closed', async () => {
    const other = createCore({ databasePath: tempDatabase() });
    const service = searchServiceFor(other.ctx);
    const pending = service.querySliced('发展');
    other.close();
    await expect(pending).rejects.toThrow(/closed/);
  });
});
