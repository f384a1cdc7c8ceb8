import { expect, it, vi } from 'vitest';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { readDocument } from '../../../electron/main/ingest/read-document';
import { pack, unpack } from '../../../electron/main/search/block-codec';
import { SearchIndex } from '../../../electron/main/search/search-index';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { postingsAt, segmentBytes, type Segment } from '../../../electron/main/search/segment';
import { BlockCache, textOf } from '../../../electron/main/search/segment-parts';
import { listSegments, loadSegment, saveSegment } from '../../../electron/main/search/segment-store';
import { SegmentWriter } from '../../../electron/main/search/segment-writer';
import { insertDocument } from '../../../electron/main/store/document-writer';
import { coreOpener, SEED, tempDatabase } from './library';

const open = coreOpener();

it('unpacks what it packed, and refuses to unpack past the size it is given', () => {
  const bytes = Buffer.from('发展改革委员会'.repeat(3000), 'utf16le');
  const packed = pack(bytes, 'text');
  expect(packed.length).toBeLessThan(bytes.length / 10);
  expect(unpack(packed, bytes.length).equals(bytes)).toBe(true);
  expect(() => unpack(packed, bytes.length - 1)).toThrow();
});

/** Everything a query reads of a segment, as plain arrays and strings. */
function contents(s: Segment) {
  return {
    keys: Array.from(s.keys),
    starts: Array.from(s.starts),
    textStarts: Array.from(s.textStarts),
    units: [s.kinds, s.docSlots, s.sectionSlots, s.emphasis, s.boosts].map((a) => Array.from(a)),
    postings: Array.from(s.keys, (_, t) => Array.from(postingsAt(s, t))),
    text: textOf(s.text),
    records: [s.recordIds, s.fields, s.passageIds, s.docs, s.sections],
  };
}

/** A new library holding the bundled report, its search index built (one segment). */
async function indexedSeed() {
  const core = open(tempDatabase());
  await importFiles(core.ctx, [SEED], { inline: true });
  const service = searchServiceFor(core.ctx);
  service.index.indexPendingNow();
  return { db: core.ctx.db, index: service.index, sources: () => service.sources() };
}

it('reads a packed segment (format 4) as it was built, and as the same segment stored unpacked (format 3)', async () => {
  const { db, index } = await indexedSeed();
  const [row] = listSegments(db);
  expect(row!.format).toBe(4);
  // The segment as built in memory: its head columns were never packed or unpacked.
  const built = index.snapshot().segments.map((s) => s.segment);
  expect(built).toHaveLength(1);
  const packed = loadSegment(db, row!.id, new BlockCache(1 << 26));
  expect(packed.keys.length).toBeGreaterThan(1000);
  expect(contents(packed)).toEqual(contents(built[0]!));
  const plainId = saveSegment(db, packed, row!.kinds, [], 3);
  const plain = loadSegment(db, plainId, new BlockCache(1 << 26));
  expect(contents(packed)).toEqual(contents(plain));
  // A large library's segments keep their blocks unpacked (segment-writer.ts): read alike.
  const blocksAsIs = saveSegment(db, packed, row!.kinds, [], 4, false);
  expect(contents(loadSegment(db, blocksAsIs, new BlockCache(1 << 26)))).toEqual(contents(plain));
  const partBytes = (id: number) =>
    db
      .prepare(`SELECT part, sum(length(data)) AS n FROM search_blocks WHERE segment_id = ? GROUP BY part`)
      .all(id);
  expect(partBytes(blocksAsIs)).toEqual(partBytes(plainId));
  const bytes = (id: number) =>
    db.prepare(`SELECT sum(length(data)) FROM search_blocks WHERE segment_id = ?`).pluck().get(id) as number;
  expect(bytes(row!.id)).toBeLessThan(bytes(plainId) * 0.8);
});

it('packs the blocks of a segment it saves while the whole index stays within its limit, and no longer past it', async () => {
  const { db, index } = await indexedSeed();
  const [segment] = index.snapshot().segments.map((s) => s.segment);
  const kinds = listSegments(db)[0]!.kinds;
  const indexBytes = () => listSegments(db).reduce((n, r) => n + r.bytes, 0);
  const blockBytes = (id: number | null) =>
    db.prepare(`SELECT sum(length(data)) FROM search_blocks WHERE segment_id = ?`).pluck().get(id) as number;
  const plain = blockBytes(saveSegment(db, segment!, kinds, [], 3));
  // Exactly at the limit once saved: packed.
  const within = new SegmentWriter(db, indexBytes() + segmentBytes(segment!)).save(segment!, kinds, []);
  expect(blockBytes(within.rowId)).toBeLessThan(plain * 0.8);
  // One byte past it: stored as they are, and read alike.
  const past = new SegmentWriter(db, indexBytes() + segmentBytes(segment!) - 1).save(segment!, kinds, []);
  expect(blockBytes(past.rowId)).toBe(plain);
  const read = (id: number | null) => contents(loadSegment(db, id!, new BlockCache(1 << 26)));
  expect(read(past.rowId)).toEqual(read(within.rowId));
  // Within the limit alone, but not with the segments about to follow it (a rebuild): as they are.
  const limit = indexBytes() + segmentBytes(segment!);
  const followed = new SegmentWriter(db, limit).save(segment!, kinds, [], 1);
  expect(blockBytes(followed.rowId)).toBe(plain);
});

it('writes again with unpacked blocks the packed segments of an index grown past the packing limit', async () => {
  const { db, index, sources } = await indexedSeed();
  const answer = (i: SearchIndex) => i.search('发展').result.hits(0, 20);
  const expected = answer(index);
  const ids = () => listSegments(db).map((r) => r.id);
  const packed = () => listSegments(db).map((r) => loadSegment(db, r.id, new BlockCache(1 << 26)).text.packed);
  const [segment] = index.snapshot().segments.map((s) => s.segment);
  const indexBytes = segmentBytes(segment!);
  const before = ids();
  expect(packed()).toEqual([true]);
  // Within the limit: left as it is.
  const within = new SearchIndex(db, sources, 12, indexBytes);
  await within.scheduleSync();
  expect(ids()).toEqual(before);
  // Past it (the library grew): written again as a rebuild would write it, and read alike.
  const grown = new SearchIndex(db, sources, 12, indexBytes - 1);
  await grown.scheduleSync();
  expect(ids()).not.toEqual(before);
  expect(packed()).toEqual([false]);
  expect(grown.snapshot().segments.map((s) => s.segment.positions !== undefined)).toEqual([true]);
  expect(answer(grown)).toEqual(expected);
  expect(grown.status().upgrade).toBeNull();
});

it('writes again with positions the segments of a large index stored before positions were kept', async () => {
  const { db, index, sources } = await indexedSeed();
  const answer = (i: SearchIndex) => i.search('发展').result.hits(0, 20);
  const expected = answer(index);
  const [entry] = index.snapshot().segments;
  const [row] = listSegments(db);
  // As a large library of the last version stored it: blocks as they are, no positions.
  const asBefore = new SegmentWriter(db, 0).save({ ...entry!.segment, positions: undefined }, row!.kinds, [
    { rowId: row!.id, ...entry! },
  ]);
  expect(loadSegment(db, asBefore.rowId!, new BlockCache(1 << 26)).positions).toBeUndefined();
  const large = new SearchIndex(db, sources, 12, 0);
  await large.scheduleSync();
  const [rewritten] = listSegments(db);
  expect(rewritten!.id).not.toBe(asBefore.rowId);
  expect(loadSegment(db, rewritten!.id, new BlockCache(1 << 26)).positions).toBeDefined();
  expect(answer(large)).toEqual(expected);
  expect(large.status().upgrade).toBeNull();
});

it.each([
  ['a rebuild', (index: SearchIndex) => index.rebuild()],
  ['a large import', async (index: SearchIndex) => index.indexPendingNow()],
])('packs the segments of %s for the index as it will be, not as it is when each is saved', async (_, build) => {
  const core = open(tempDatabase());
  const seed = (await readDocument(SEED)).doc;
  // Two documents each past a batch (600,000 characters): two batches.
  for (const title of ['2021年甲区人民政府工作报告', '2021年乙区人民政府工作报告']) {
    const passages = seed.passages.map((p) => ({ ...p, text: `${title}${p.text}` }));
    const doc = { ...seed, meta: { ...seed.meta, title }, passages: [] as typeof passages };
    while (doc.passages.reduce((n, p) => n + p.text.length, 0) < 620_000) doc.passages.push(...passages);
    insertDocument(core.ctx.db, doc, { file: null, format: null });
  }
  const save = vi.spyOn(SegmentWriter.prototype, 'save');
  try {
    await build(searchServiceFor(core.ctx).index);
    const calls = save.mock.calls;
    expect(calls).toHaveLength(2);
    // The first is saved into an empty index: it must be told of the one to come after it.
    expect(calls[0]![3]).toBeGreaterThan(segmentBytes(calls[1]![0]) / 2);
    expect(calls[1]![3] ?? 0).toBe(0);
  } finally {
    save.mockRestore();
  }
});
