import { PostingWriter } from './posting-lists';
import type { Segment } from './segment';
import { UnitStrings } from './unit-strings';
import {
  memoryPostings,
  memoryText,
  postingBytesOf,
  textOf,
  type PostingBytes,
  type SegmentText,
} from './segment-parts';

/**
 * A segment's head as one blob: a JSON header (documents, sections, record ids) followed by the
 * typed arrays, each 8-byte aligned so that loading makes views, not copies. Format 3 leaves the
 * posting bytes and the folded text out of the head: they are stored in blocks (segment-store.ts)
 * and read when a query needs them, so opening a library reads term dictionaries, not whole segments.
 * Formats 1 (four bytes a posting) and 2 (varint gaps, posting-lists.ts) held both in the blob;
 * they are still read, whole, so that a library made before answers while its segments are
 * written again in the background. Format 4 is format 3 with the head packed, and the blocks too
 * while the index is small (`blocksPacked`, decided by segment-writer.ts); block-codec.ts packs,
 * the store packs and unpacks, this layout is the same.
 */
export const FORMAT = 4;
/** The formats whose posting bytes and text are stored in blocks. */
export type BlockFormat = 3 | 4;
const isBlockFormat = (format: number) => format === 3 || format === 4;

/**
 * Ascending columns that format 4 stores as differences from the previous value: small numbers
 * pack far better (the heads of a 500-report library 3.70 → 3.14 MB). Loading adds them up again,
 * in place, in the freshly unpacked head (a few ms for a million terms).
 */
const DELTA_COLUMNS = new Set<string>(['keys', 'starts', 'textStarts', 'positionStarts']);

function toDeltas(a: Float64Array | Uint32Array): void {
  for (let i = a.length - 1; i > 0; i--) a[i] = a[i]! - a[i - 1]!;
}

function fromDeltas(a: Float64Array | Uint32Array): void {
  for (let i = 1; i < a.length; i++) a[i] = a[i]! + a[i - 1]!;
}

/** The head's typed columns, in the order they are laid out (their types: `Segment`'s fields). */
const ARRAYS = [
  'kinds',
  'docSlots',
  'sectionSlots',
  'emphasis',
  'boosts',
  'textStarts',
  'keys',
  'starts',
] as const;

type ArrayName = (typeof ARRAYS)[number] | 'postings' | 'positionStarts';

interface Header {
  format: number;
  docs: Segment['docs'];
  sections: Segment['sections'];
  count: number;
  recordIds: string[];
  fieldNames: string[];
  fields: number[];
  passageIds: (string | null)[];
  /** Formats 1 and 2 only have `postings` here. */
  arrays: Record<ArrayName, [offset: number, length: number]>;
  /** Formats 1 and 2: where the text is in the blob; format 3: [0, its length]. */
  text: [offset: number, length: number];
  /** Format 3: bytes of posting lists, stored in blocks. */
  postingBytes?: number;
  /** Format 4: whether the posting and text blocks are packed too (see `SegmentWriter`). */
  blocksPacked?: boolean;
  /** Bytes of positions (segment-positions.ts) stored in blocks, when the segment keeps them. */
  positionBytes?: number;
}

const align8 = (n: number) => (n + 7) & ~7;

/** What every format's header says of a segment's documents, sections and units. */
export function headerRecords(s: Segment) {
  const fields = s.fields.toArray() as string[];
  const fieldNames = [...new Set(fields)];
  return {
    docs: s.docs,
    sections: s.sections,
    count: s.count,
    recordIds: s.recordIds.toArray() as string[],
    fieldNames,
    fields: fields.map((f) => fieldNames.indexOf(f)),
    passageIds: s.passageIds.toArray(),
  };
}

/**
 * The head blob of a segment in format 3 or 4, and its two large parts for the block store (the
 * text as a string: the store cuts its blocks from it, never holding all of it as bytes).
 */
export function encodeSegment(
  s: Segment,
  format: BlockFormat = FORMAT,
  blocksPacked = format === FORMAT,
): { head: Buffer; postings: Uint8Array; text: string; positions: Uint8Array | null } {
  // Positions are kept with blocks as they are: an index small enough to pack them verifies against cached text.
  const kept = format === FORMAT && !blocksPacked && s.positions ? s.positions : null;
  const columns: [ArrayName, ArrayLike<number> & ArrayBufferView][] = ARRAYS.map((name) => [name, s[name]]);
  if (kept) columns.push(['positionStarts', kept.starts]);
  const arrays = {} as Header['arrays'];
  let offset = 0;
  for (const [name, array] of columns) {
    arrays[name] = [offset, array.length];
    offset = align8(offset + array.byteLength);
  }
  const postings = postingBytesOf(s.postings);
  const positions = kept ? postingBytesOf(kept.bytes) : null;
  const header: Header = {
    format,
    ...headerRecords(s),
    arrays,
    text: [0, s.text.length],
    postingBytes: postings.length,
    ...(format === 4 ? { blocksPacked } : {}),
    ...(positions ? { positionBytes: positions.length } : {}),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const base = align8(4 + json.length);
  const head = Buffer.alloc(base + offset);
  head.writeUInt32LE(json.length, 0);
  json.copy(head, 4);
  for (const [name, array] of columns) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(head, base + arrays[name][0]);
    if (format === 4 && DELTA_COLUMNS.has(name)) {
      const at = head.byteOffset + base + arrays[name][0];
      toDeltas(
        name === 'keys'
          ? new Float64Array(head.buffer, at, array.length)
          : new Uint32Array(head.buffer, at, array.length),
      );
    }
  }
  return { head, postings, text: textOf(s.text), positions };
}

/** The header's per-unit strings as compact columns (its arrays are dropped with it). */
function stringColumns(header: Header): Pick<Segment, 'recordIds' | 'fields' | 'passageIds'> {
  const recordIds = UnitStrings.of(header.recordIds);
  return {
    recordIds,
    fields: UnitStrings.of(header.fields.map((i) => header.fieldNames[i]!)),
    passageIds: UnitStrings.of(header.passageIds, recordIds),
  };
}

/** Format 1's postings (a Uint32 each, `starts` in postings) as varint gaps. */
function fromFormat1(starts: Uint32Array, postings: Uint32Array): Pick<Segment, 'starts' | 'postings'> {
  const writer = new PostingWriter();
  const byteStarts = new Uint32Array(starts.length);
  for (let t = 0; t + 1 < starts.length; t++) {
    byteStarts[t] = writer.length;
    writer.write(postings, starts[t]!, starts[t + 1]!);
  }
  byteStarts[starts.length - 1] = writer.length;
  return { starts: byteStarts, postings: memoryPostings(writer.done()) };
}

/** How a format-3 or format-4 head finds its parts: readers of its stored blocks. */
export interface StoredParts {
  postings(length: number, packed: boolean): PostingBytes;
  text(length: number, packed: boolean): SegmentText;
  /** Positions are stored in blocks as they are. */
  positions(length: number): PostingBytes;
}

/**
 * A segment from its head blob (unpacked); a format-3 or 4 head reads its parts through `parts`.
 * Format 4's difference columns are summed in place: the blob must not be decoded twice.
 */
export function decodeSegment(blob: Buffer, parts?: StoredParts): Segment {
  const jsonLength = blob.readUInt32LE(0);
  const header = JSON.parse(blob.toString('utf8', 4, 4 + jsonLength)) as Header;
  const stored = isBlockFormat(header.format);
  if (!stored && header.format !== 1 && header.format !== 2)
    throw new Error(`search segment format ${header.format}`);
  if (stored && !parts) throw new Error(`a format-${header.format} search segment needs its blocks`);
  const base = align8(4 + jsonLength);
  // Views need an 8-byte aligned start; a blob handed over at an odd offset is copied once.
  const bytes = (blob.byteOffset + base) % 8 === 0 ? blob : Buffer.from(blob);
  const view = <T>(ctor: new (b: ArrayBufferLike, o: number, n: number) => T, name: ArrayName): T => {
    const [offset, length] = header.arrays[name];
    return new ctor(bytes.buffer, bytes.byteOffset + base + offset, length);
  };
  // Format 4's ascending columns are differences: summed again here, in the unpacked head.
  if (header.format === 4)
    for (const name of DELTA_COLUMNS)
      if (header.arrays[name as ArrayName])
        fromDeltas(name === 'keys' ? view(Float64Array, 'keys') : view(Uint32Array, name as ArrayName));
  const [textOffset, textLength] = header.text;
  const blocksPacked = header.format === 4 && header.blocksPacked === true;
  const large = stored
    ? {
        starts: view(Uint32Array, 'starts'),
        postings: parts!.postings(header.postingBytes ?? 0, blocksPacked),
        text: parts!.text(textLength, blocksPacked),
        ...(header.positionBytes !== undefined && header.arrays.positionStarts
          ? {
              positions: {
                starts: view(Uint32Array, 'positionStarts'),
                bytes: parts!.positions(header.positionBytes),
              },
            }
          : {}),
      }
    : {
        ...(header.format === 1
          ? fromFormat1(view(Uint32Array, 'starts'), view(Uint32Array, 'postings'))
          : { starts: view(Uint32Array, 'starts'), postings: memoryPostings(view(Uint8Array, 'postings')) }),
        text: memoryText(bytes.toString('utf16le', base + textOffset, base + textOffset + textLength * 2)),
      };
  return {
    docs: header.docs,
    sections: header.sections,
    count: header.count,
    kinds: view(Uint8Array, 'kinds'),
    docSlots: view(Uint32Array, 'docSlots'),
    sectionSlots: view(Int32Array, 'sectionSlots'),
    emphasis: view(Uint32Array, 'emphasis'),
    boosts: view(Float32Array, 'boosts'),
    textStarts: view(Uint32Array, 'textStarts'),
    keys: view(Float64Array, 'keys'),
    ...large,
    ...stringColumns(header),
  };
}
