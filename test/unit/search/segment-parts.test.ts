import { describe, expect, it } from 'vitest';
import {
  BlockCache,
  blockPostings,
  blocksOf,
  blockText,
  PACKED_TEXT_BLOCK,
  POSTING_BLOCK,
  TEXT_BLOCK,
} from '../../../electron/main/search/segment-parts';

/** A part stored as blocks in a map, as search_blocks holds them, with a count of reads. */
function stored(bytes: Uint8Array, size: number) {
  const blocks = new Map([...blocksOf(bytes, size)].map(([b, data]) => [b, data.slice()]));
  const reads: number[] = [];
  return {
    reads,
    read: (_part: number, b: number) => {
      reads.push(b);
      const data = blocks.get(b);
      if (!data) throw new Error(`no block ${b}`);
      return data;
    },
  };
}

describe('segment parts read in blocks', () => {
  it('reads any byte range of the postings, across block boundaries, as the bytes were', () => {
    const bytes = Uint8Array.from({ length: POSTING_BLOCK * 3 + 123 }, (_, i) => (i * 7919) % 251);
    const { read, reads } = stored(bytes, POSTING_BLOCK);
    const postings = blockPostings(bytes.length, new BlockCache(1 << 30), 1, read);
    for (const [from, to] of [
      [0, 10],
      [POSTING_BLOCK - 5, POSTING_BLOCK + 5],
      [10, POSTING_BLOCK * 3 + 100],
      [POSTING_BLOCK * 3, bytes.length],
      [42, 42],
    ] as const)
      expect(Array.from(postings.read(from, to))).toEqual(Array.from(bytes.subarray(from, to)));
    // Each block read once: the cache answers the rest.
    expect(reads.sort()).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ['format 3', TEXT_BLOCK],
    ['format 4', PACKED_TEXT_BLOCK],
  ])(
    'slices the text across block boundaries, surrogate pairs included, and windows within a block (%s)',
    (_, BLOCK) => {
      const text = Array.from({ length: BLOCK * 2 + 77 }, (_, i) =>
        i % 97 === 0 ? '𠀋' : '发展改革'[i % 4]!,
      ).join('');
      const { read } = stored(Buffer.from(text, 'utf16le'), BLOCK * 2);
      const t = blockText(text.length, new BlockCache(1 << 30), 2, read, BLOCK);
      expect(t.length).toBe(text.length);
      for (const [from, to] of [
        [0, 5],
        [BLOCK - 3, BLOCK + 3],
        [5, text.length],
      ] as const)
        expect(t.slice(from, to)).toBe(text.slice(from, to));
      const inside = t.window(BLOCK + 10, BLOCK + 20);
      expect(inside.base).toBe(BLOCK);
      expect(inside.text.slice(10, 20)).toBe(text.slice(BLOCK + 10, BLOCK + 20));
      const across = t.window(BLOCK - 2, BLOCK + 2);
      expect(across.text.slice(0, 4)).toBe(text.slice(BLOCK - 2, BLOCK + 2));
      expect(across.base).toBe(BLOCK - 2);
    },
  );

  it('keeps the cache under its byte cap, giving a block used since it was cached a second chance', () => {
    const bytes = new Uint8Array(POSTING_BLOCK * 4).fill(1);
    const { read, reads } = stored(bytes, POSTING_BLOCK);
    const cache = new BlockCache(POSTING_BLOCK * 2);
    const postings = blockPostings(bytes.length, cache, 3, read);
    postings.read(0, 1);
    postings.read(POSTING_BLOCK, POSTING_BLOCK + 1);
    postings.read(0, 1); // block 0 used again: passed over once
    postings.read(2 * POSTING_BLOCK, 2 * POSTING_BLOCK + 1); // drops block 1
    expect(cache.bytes).toBeLessThanOrEqual(POSTING_BLOCK * 2);
    postings.read(0, 1);
    postings.read(POSTING_BLOCK, POSTING_BLOCK + 1);
    expect(reads).toEqual([0, 1, 2, 1]);
  });

  it('caps cached text apart from posting bytes: reading much text evicts no posting block', () => {
    const postingBytes = new Uint8Array(POSTING_BLOCK * 2).fill(1);
    const p = stored(postingBytes, POSTING_BLOCK);
    const text = '发展改革'.repeat(TEXT_BLOCK * 2);
    const t = stored(Buffer.from(text, 'utf16le'), TEXT_BLOCK * 2);
    const cache = new BlockCache(POSTING_BLOCK * 2, TEXT_BLOCK * 2);
    const postings = blockPostings(postingBytes.length, cache, 4, p.read);
    const folded = blockText(text.length, cache, 5, t.read, TEXT_BLOCK);
    postings.read(0, POSTING_BLOCK + 1);
    expect(folded.slice(0, text.length)).toBe(text);
    postings.read(0, POSTING_BLOCK + 1);
    expect(p.reads).toEqual([0, 1]);
    // One text block fits its cap: reading all eight again reads each again.
    expect(folded.slice(0, text.length)).toBe(text);
    expect(t.reads).toHaveLength(16);
    expect(cache.bytes).toBeLessThanOrEqual(POSTING_BLOCK * 2 + TEXT_BLOCK * 2);
  });

  it.each([
    ['stored unpacked: read for this pass only', false, 0, [0, 1, 2, 0]],
    ['stored packed: kept, as unpacking again would cost', true, 3, [0, 1, 2]],
  ] as const)(
    'a passing read (a query reading most of the text) keeps no block it had to read when %s',
    (_, packed, keptBlocks, expectedReads) => {
      const text = Array.from({ length: TEXT_BLOCK * 3 }, (_, i) => '发展改革'[i % 4]!).join('');
      const t = stored(Buffer.from(text, 'utf16le'), TEXT_BLOCK * 2);
      const cache = new BlockCache(1 << 20, TEXT_BLOCK * 2 * 3);
      const folded = blockText(text.length, cache, 6, t.read, TEXT_BLOCK, packed);
      expect(folded.blocks).toBe(3);
      // Units walked in order, one running on into the next block: each block read once.
      expect(folded.window(10, 20, true).text.slice(10, 20)).toBe(text.slice(10, 20));
      const across = folded.window(TEXT_BLOCK - 4, TEXT_BLOCK + 4, true);
      expect(across.text.slice(0, 8)).toBe(text.slice(TEXT_BLOCK - 4, TEXT_BLOCK + 4));
      expect(folded.window(TEXT_BLOCK + 10, TEXT_BLOCK + 20, true).base).toBe(TEXT_BLOCK);
      expect(folded.window(2 * TEXT_BLOCK + 1, 2 * TEXT_BLOCK + 9, true).base).toBe(2 * TEXT_BLOCK);
      expect(cache.bytes).toBe(keptBlocks * TEXT_BLOCK * 2);
      // An ordinary read afterwards: block 0 again from the library unless it was kept.
      expect(folded.window(0, 5).text.slice(0, 5)).toBe(text.slice(0, 5));
      expect(t.reads).toEqual(expectedReads);
    },
  );
});
