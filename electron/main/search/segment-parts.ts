/**
 * The two large parts of a segment, its posting bytes and its folded text, behind small interfaces
 * so that a segment just built holds them in memory while a persisted one (format 3) reads them
 * in blocks from the library when a query needs them, through a cache with a byte cap.
 */

/** Posting bytes of a segment (posting-lists.ts reads lists out of them). */
export interface PostingBytes {
  readonly length: number;
  /** Bytes `[from, to)`: a view when they lie in one block, else a copy. */
  read(from: number, to: number): Uint8Array;
}

/** Folded text of a segment, every unit's text one after another. */
export interface SegmentText {
  readonly length: number;
  slice(from: number, to: number): string;
  /**
   * A string holding at least `[from, to)` and the offset it starts at: the whole text in memory,
   * the block on disk (so a scan can walk on from one unit to the next without slicing each).
   * `passing`: the caller reads most of the text once (see `blockText`).
   */
  window(from: number, to: number, passing?: boolean): { text: string; base: number };
  /** Blocks the text is read in (1 in memory): a query with as many candidates reads most of them. */
  readonly blocks: number;
  /** Whether its stored blocks are packed (a block read again is unpacked again). */
  readonly packed: boolean;
}

/** Bytes of posting lists per stored block. */
export const POSTING_BLOCK = 32 * 1024;
/** UTF-16 code units of folded text per stored block (format 3). */
export const TEXT_BLOCK = 16 * 1024;
/**
 * The same for packed blocks (format 4): Chinese text packs better in larger pieces (12.1 → 11.0
 * MB at 500 reports for twice the size), while a block read on a cache miss stays a fraction of
 * a millisecond to unpack.
 */
export const PACKED_TEXT_BLOCK = 2 * TEXT_BLOCK;

export const PART_POSTINGS = 0;
export const PART_TEXT = 1;
/** Positions (segment-positions.ts): bytes like posting lists, in blocks of the same size. */
export const PART_POSITIONS = 2;

const EMPTY = new Uint8Array(0);

export function memoryPostings(bytes: Uint8Array): PostingBytes & { bytes: Uint8Array } {
  return { bytes, length: bytes.length, read: (from, to) => bytes.subarray(from, to) };
}

export function memoryText(text: string): SegmentText & { text: string } {
  return {
    text,
    length: text.length,
    slice: (from, to) => text.slice(from, to),
    window: () => ({ text, base: 0 }),
    blocks: 1,
    packed: false,
  };
}

/** The whole of a part, in memory (a merge, an upgrade, or writing a segment read before). */
export function postingBytesOf(p: PostingBytes): Uint8Array {
  return 'bytes' in p ? (p as { bytes: Uint8Array }).bytes : p.read(0, p.length);
}

export function textOf(t: SegmentText): string {
  return 'text' in t ? (t as { text: string }).text : t.slice(0, t.length);
}

/**
 * Recently used values up to a byte cap. Eviction is second-chance (CLOCK): a hit only sets a
 * flag, since a query touches the same block thousands of times and moving it in the map on every
 * touch cost more than the reads it saved.
 */
class ClockPool<T> {
  private entries = new Map<string, { value: T; bytes: number; used: boolean }>();
  bytes = 0;

  constructor(readonly capBytes: number) {}

  get(key: string, load: () => T, sizeOf: (value: T) => number, onLoad: () => void, keep = true): T {
    const hit = this.entries.get(key);
    if (hit) {
      hit.used = true;
      return hit.value;
    }
    const value = load();
    onLoad();
    if (!keep) return value;
    const bytes = sizeOf(value);
    this.evict(bytes);
    this.entries.set(key, { value, bytes, used: false });
    this.bytes += bytes;
    return value;
  }

  /** Drops the oldest entries not used since they were last passed over, until `incoming` fits. */
  private evict(incoming: number): void {
    // Each entry is passed over at most twice: once to clear its flag, once to drop it.
    for (let turns = this.entries.size * 2; turns > 0 && this.bytes + incoming > this.capBytes; turns--) {
      const [key, entry] = this.entries.entries().next().value!;
      this.entries.delete(key);
      if (entry.used) {
        entry.used = false;
        this.entries.set(key, entry);
      } else this.bytes -= entry.bytes;
    }
  }
}

/**
 * Recently used blocks of every segment of a library, each part up to its own byte cap: what a
 * query reads again (the lists of common terms, the text of likely units) stays, the rest is read
 * again. Text is held as strings, in V8's heap, where what is alive decides how far the heap may
 * grow (about four times that while queries churn blocks): so cached text has a cap of its own
 * rather than filling the whole cache when a large library's queries read mostly text.
 */
export class BlockCache {
  private readonly postings: ClockPool<Uint8Array>;
  private readonly texts: ClockPool<string>;
  reads = 0;

  constructor(postingBytes: number, textBytes = postingBytes) {
    this.postings = new ClockPool(postingBytes);
    this.texts = new ClockPool(textBytes);
  }

  get bytes(): number {
    return this.postings.bytes + this.texts.bytes;
  }

  private readonly counted = () => {
    this.reads++;
  };

  get(key: string, load: () => Uint8Array): Uint8Array {
    return this.postings.get(key, load, (v) => v.byteLength, this.counted);
  }

  /** `keep` false: a block not cached is read for this once and not kept (it evicts nothing). */
  text(key: string, load: () => string, keep = true): string {
    return this.texts.get(key, load, (v) => v.length * 2, this.counted, keep);
  }
}

/** Reads one stored block of a part of a segment. */
export type BlockReader = (part: number, block: number) => Uint8Array;

/** Bytes of a part read in blocks of POSTING_BLOCK: posting lists, or positions. */
export function blockPostings(
  length: number,
  cache: BlockCache,
  id: number,
  read: BlockReader,
  part = PART_POSTINGS,
): PostingBytes {
  const block = (b: number) => cache.get(`${id}:${part}:${b}`, () => read(part, b));
  return {
    length,
    read(from, to) {
      if (to <= from) return EMPTY;
      const first = Math.floor(from / POSTING_BLOCK);
      const last = Math.floor((to - 1) / POSTING_BLOCK);
      if (first === last)
        return block(first).subarray(from - first * POSTING_BLOCK, to - first * POSTING_BLOCK);
      const out = new Uint8Array(to - from);
      for (let b = first; b <= last; b++) {
        const start = b * POSTING_BLOCK;
        const bytes = block(b);
        const a = Math.max(from, start) - start;
        const z = Math.min(to, start + bytes.length) - start;
        out.set(bytes.subarray(a, z), start + a - from);
      }
      return out;
    },
  };
}

/**
 * Folded text read in blocks of `units` code units. A query reading most of the text (`passing`)
 * does not keep the blocks it had to read when they are stored unpacked, so reading one again
 * costs no unpacking: the index is then larger than the cache (segment-writer.ts), such a scan
 * would only push out what other queries use, and at 3,000 reports its 127 MB of block strings,
 * kept just long enough to be copied to V8's old space, made GC 45 % of the query's CPU.
 */
export function blockText(
  length: number,
  cache: BlockCache,
  id: number,
  read: BlockReader,
  units = TEXT_BLOCK,
  packed = false,
): SegmentText {
  // The block a passing read took last: a unit that runs on into the next block needs it again.
  let passed = { b: -1, text: '' };
  const block = (b: number, passing = false) => {
    if (b === passed.b) return passed.text;
    const text = cache.text(
      `${id}:1:${b}`,
      () => {
        const bytes = read(PART_TEXT, b);
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
      },
      packed || !passing,
    );
    if (passing && !packed) passed = { b, text };
    return text;
  };
  const slice = (from: number, to: number, passing = false): string => {
    if (to <= from) return '';
    const first = Math.floor(from / units);
    const last = Math.floor((to - 1) / units);
    if (first === last) return block(first, passing).slice(from - first * units, to - first * units);
    const pieces: string[] = [];
    for (let b = first; b <= last; b++) {
      const start = b * units;
      pieces.push(
        block(b, passing).slice(Math.max(from, start) - start, Math.min(to, start + units) - start),
      );
    }
    return pieces.join('');
  };
  return {
    length,
    slice: (from, to) => slice(from, to),
    window(from, to, passing) {
      const first = Math.floor(from / units);
      if (to <= (first + 1) * units) return { text: block(first, passing), base: first * units };
      return { text: slice(from, to, passing), base: from };
    },
    blocks: Math.ceil(length / units),
    packed,
  };
}

/** Text cut into stored blocks of `units` code units, each as UTF-16 bytes when its turn comes. */
export function* textBlocksOf(text: string, units: number): Generator<[number, Buffer]> {
  for (let b = 0; b * units < text.length; b++)
    yield [b, Buffer.from(text.slice(b * units, (b + 1) * units), 'utf16le')];
}

/** A part cut into stored blocks. */
export function* blocksOf(bytes: Uint8Array, size: number): Generator<[number, Uint8Array]> {
  for (let b = 0; b * size < bytes.length; b++) yield [b, bytes.subarray(b * size, (b + 1) * size)];
}
