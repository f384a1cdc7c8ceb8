import { afterEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { readPostings } from '../../../electron/main/search/posting-lists';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import type { Segment } from '../../../electron/main/search/segment';
import { decodeSegment, encodeSegment } from '../../../electron/main/search/segment-codec';
import { listSegments } from '../../../electron/main/search/segment-store';
import { SEED, searchAll, tempDatabase, unitKey } from './library';

const cores: Core[] = [];
const open = (databasePath: string) => {
  const core = createCore({ databasePath });
  cores.push(core);
  return core;
};
afterEach(() => cores.splice(0).forEach((c) => c.ctx.db.open && c.close()));

/** A segment blob as format 1 wrote it: a Uint32 per posting, `starts` counted in postings. */
function format1(blob: Buffer): Buffer {
  const s = decodeSegment(blob);
  const lists = Array.from(s.keys, (_, t) => readPostings(s.postings, s.starts[t]!, s.starts[t + 1]!));
  const starts = new Uint32Array(lists.length + 1);
  lists.forEach((l, t) => (starts[t + 1] = starts[t]! + l.length));
  const postings = new Uint32Array(starts[lists.length]!);
  lists.forEach((l, t) => postings.set(l, starts[t]!));
  const old = encodeSegment({ ...s, starts, postings } as unknown as Segment);
  // Same header length: only the format digit differs.
  const header = old.toString('utf8', 4, 4 + old.readUInt32LE(0)).replace('"format":2', '"format":1');
  old.write(header, 4, 'utf8');
  return old;
}

it('answers from a library of the old segment format while it writes its segments again', async () => {
  const file = tempDatabase();
  const first = open(file);
  await importFiles(first.ctx, [SEED], { inline: true });
  const queries = ['疫情', '高质量发展', '2021', '乡村振兴 -农业'];
  const before = queries.map((q) => searchAll(first, q).hits.map(unitKey).sort());
  expect(before[0]!.length).toBeGreaterThan(5);
  const rows = first.ctx.db.prepare(`SELECT id, data FROM search_segments`).all() as { id: number; data: Buffer }[];
  expect(rows.length).toBeGreaterThan(0);
  const rewrite = first.ctx.db.prepare(`UPDATE search_segments SET data = ?, format = 1 WHERE id = ?`);
  for (const r of rows) rewrite.run(format1(r.data), r.id);
  first.close();

  const next = open(file);
  const index = searchServiceFor(next.ctx).index;
  // Before any background work: every answer as before, from the converted segments.
  expect(queries.map((q) => searchAll(next, q).hits.map(unitKey).sort())).toEqual(before);
  expect(index.status().upgrade).toEqual({ done: 0, total: rows.length });
  await index.scheduleSync();
  await index.settle();
  expect(index.status().upgrade).toBeNull();
  expect(listSegments(next.ctx.db).every((s) => s.format === 2)).toBe(true);
  expect(queries.map((q) => searchAll(next, q).hits.map(unitKey).sort())).toEqual(before);
});
