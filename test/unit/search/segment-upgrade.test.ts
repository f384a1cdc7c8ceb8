import { expect, it } from 'vitest';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { BlockCache } from '../../../electron/main/search/segment-parts';
import { listSegments, loadSegment, orphanBlockSegments } from '../../../electron/main/search/segment-store';
import { legacyBlob } from './legacy-segment';
import { coreOpener, SEED, searchAll, tempDatabase, unitKey } from './library';

const open = coreOpener();

it.each([1, 2] as const)(
  'answers from a library of segment format %i while it writes its segments again in format 3',
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
    const cache = new BlockCache(1 << 20);
    const old = rows.map((r) => legacyBlob(loadSegment(db, r.id, cache), format));
    const rewrite = db.prepare(`UPDATE search_segments SET data = ?, format = ? WHERE id = ?`);
    rows.forEach((r, i) => rewrite.run(old[i], format, r.id));
    // A library of the old format has no blocks.
    db.prepare(`DELETE FROM search_blocks`).run();
    first.close();

    const next = open(file);
    const index = searchServiceFor(next.ctx).index;
    // Before any background work: every answer as before, from the converted segments.
    expect(queries.map((q) => searchAll(next, q).hits.map(unitKey).sort())).toEqual(before);
    expect(index.status().upgrade).toEqual({ done: 0, total: rows.length });
    await index.scheduleSync();
    await index.settle();
    expect(index.status().upgrade).toBeNull();
    expect(listSegments(next.ctx.db).every((s) => s.format === 3)).toBe(true);
    expect(queries.map((q) => searchAll(next, q).hits.map(unitKey).sort())).toEqual(before);
    expect(orphanBlockSegments(next.ctx.db)).toEqual([]);
  },
);
