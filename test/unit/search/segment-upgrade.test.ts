import { expect, it } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import type { LiveSegment } from '../../../electron/main/search/engine';
import { BlockCache } from '../../../electron/main/search/segment-parts';
import {
  dropBlocks,
  listSegments,
  loadSegment,
  orphanBlockSegments,
  saveSegment,
  SEGMENT_FORMAT,
} from '../../../electron/main/search/segment-store';
import { SegmentUpgrade } from '../../../electron/main/search/segment-upgrade';
import { legacyBlob } from './legacy-segment';
import { coreOpener, SEED, searchAll, tempDatabase, unitKey } from './library';

const open = coreOpener();

const storedBytes = (db: Core['ctx']['db']) =>
  db.prepare(`SELECT coalesce(sum(length(data)), 0) FROM search_blocks`).pluck().get() as number;

/** Every segment of the library written again as format 1 or 2 wrote it (one blob, no blocks). */
function asLegacyBlobs(db: Core['ctx']['db'], format: 1 | 2): void {
  const rows = listSegments(db);
  const cache = new BlockCache(1 << 20);
  const old = rows.map((r) => legacyBlob(loadSegment(db, r.id, cache), format));
  const rewrite = db.prepare(`UPDATE search_segments SET data = ?, format = ? WHERE id = ?`);
  rows.forEach((r, i) => rewrite.run(old[i], format, r.id));
  // A library of the old format has no blocks.
  db.prepare(`DELETE FROM search_blocks`).run();
}

/** Every segment written again as format 3 stored it: head and blocks as they are, not packed. */
function asFormat3(db: Core['ctx']['db']): void {
  const cache = new BlockCache(1 << 26);
  for (const row of listSegments(db)) {
    saveSegment(db, loadSegment(db, row.id, cache), row.kinds, [row.id], 3);
    dropBlocks(db, row.id);
  }
}

it.each([1, 2, 3] as const)(
  'answers from a library of segment format %i while it writes its segments again in format 4',
  async (format) => {
    const file = tempDatabase();
    const first = open(file);
    await importFiles(first.ctx, [SEED], { inline: true });
    const queries = ['疫情', '高质量发展', '2021', '乡村振兴 -农业'];
    const before = queries.map((q) => searchAll(first, q).hits.map(unitKey).sort());
    expect(before[0]!.length).toBeGreaterThan(5);
    const { db } = first.ctx;
    const rows = listSegments(db);
    expect(rows.length).toBeGreaterThan(0);
    if (format === 3) asFormat3(db);
    else asLegacyBlobs(db, format);
    expect(listSegments(db).every((s) => s.format === format)).toBe(true);
    const unpacked = storedBytes(db);
    first.close();

    const next = open(file);
    const index = searchServiceFor(next.ctx).index;
    // Before any background work: every answer as before, from the converted segments.
    expect(queries.map((q) => searchAll(next, q).hits.map(unitKey).sort())).toEqual(before);
    expect(index.status().upgrade).toEqual({ done: 0, total: rows.length });
    await index.scheduleSync();
    await index.settle();
    expect(index.status().upgrade).toBeNull();
    expect(SEGMENT_FORMAT).toBe(4);
    expect(listSegments(next.ctx.db).every((s) => s.format === 4)).toBe(true);
    // Packed: the blocks take less room than format 3's (formats 1 and 2 had none).
    if (format === 3) expect(storedBytes(next.ctx.db)).toBeLessThan(unpacked * 0.8);
    expect(queries.map((q) => searchAll(next, q).hits.map(unitKey).sort())).toEqual(before);
    expect(orphanBlockSegments(next.ctx.db)).toEqual([]);
  },
);

it('counts a segment being written again in slices as still to do, until it is written', () => {
  const upgrade = new SegmentUpgrade<LiveSegment>();
  const [a, b] = [0, 1].map(() => ({ segment: {} as LiveSegment['segment'], aliveDocs: new Uint8Array(0) }));
  upgrade.add(a!);
  upgrade.add(b!);
  const task = upgrade.task(
    () => true,
    function* () {
      yield; // a rewrite that makes its positions in slices
    },
  );
  task.next();
  expect(upgrade.progress()).toEqual({ done: 0, total: 2 });
  task.next();
  expect(upgrade.progress()).toEqual({ done: 1, total: 2 });
  task.next();
  expect(upgrade.progress()).toEqual({ done: 1, total: 2 });
  while (!task.next().done);
  expect(upgrade.progress()).toBeNull();
});
