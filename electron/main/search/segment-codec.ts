import { PostingWriter } from './posting-lists';
import type { Segment } from './segment';

/**
 * A segment as one blob: a JSON header (documents, sections, record ids) followed by the typed
 * arrays and the folded text as UTF-16, each 8-byte aligned so that loading makes views, not copies.
 * Format 2 stores postings as varint gaps (posting-lists.ts); format 1 (four bytes a posting) is
 * still read, converted on load, so that a library made before keeps answering while its
 * segments are written again in the background.
 */
export const FORMAT = 2;

const ARRAYS = [
  ['kinds', Uint8Array],
  ['docSlots', Uint32Array],
  ['sectionSlots', Int32Array],
  ['emphasis', Uint32Array],
  ['boosts', Float32Array],
  ['textStarts', Uint32Array],
  ['keys', Float64Array],
  ['starts', Uint32Array],
  ['postings', Uint8Array],
] as const;

type ArrayName = (typeof ARRAYS)[number][0];

interface Header {
  format: number;
  docs: Segment['docs'];
  sections: Segment['sections'];
  count: number;
  recordIds: string[];
  fieldNames: string[];
  fields: number[];
  passageIds: (string | null)[];
  arrays: Record<ArrayName, [offset: number, length: number]>;
  text: [offset: number, length: number];
}

const align8 = (n: number) => (n + 7) & ~7;

export function encodeSegment(s: Segment): Buffer {
  const fieldNames = [...new Set(s.fields)];
  const arrays = {} as Header['arrays'];
  let offset = 0;
  for (const [name] of ARRAYS) {
    const array = s[name];
    arrays[name] = [offset, array.length];
    offset = align8(offset + array.byteLength);
  }
  const textOffset = offset;
  const header: Header = {
    format: FORMAT,
    docs: s.docs,
    sections: s.sections,
    count: s.count,
    recordIds: s.recordIds,
    fieldNames,
    fields: s.fields.map((f) => fieldNames.indexOf(f)),
    passageIds: s.passageIds,
    arrays,
    text: [textOffset, s.text.length],
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const base = align8(4 + json.length);
  const out = Buffer.alloc(base + textOffset + s.text.length * 2);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  for (const [name] of ARRAYS) {
    const array = s[name];
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, base + arrays[name][0]);
  }
  out.write(s.text, base + textOffset, 'utf16le');
  return out;
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
  return { starts: byteStarts, postings: writer.done() };
}

export function decodeSegment(blob: Buffer): Segment {
  const jsonLength = blob.readUInt32LE(0);
  const header = JSON.parse(blob.toString('utf8', 4, 4 + jsonLength)) as Header;
  if (header.format !== FORMAT && header.format !== 1)
    throw new Error(`search segment format ${header.format}`);
  const base = align8(4 + jsonLength);
  // Views need an 8-byte aligned start; a blob handed over at an odd offset is copied once.
  const bytes = (blob.byteOffset + base) % 8 === 0 ? blob : Buffer.from(blob);
  const view = <T>(ctor: new (b: ArrayBufferLike, o: number, n: number) => T, name: ArrayName): T => {
    const [offset, length] = header.arrays[name];
    return new ctor(bytes.buffer, bytes.byteOffset + base + offset, length);
  };
  const [textOffset, textLength] = header.text;
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
    ...(header.format === 1
      ? fromFormat1(view(Uint32Array, 'starts'), view(Uint32Array, 'postings'))
      : { starts: view(Uint32Array, 'starts'), postings: view(Uint8Array, 'postings') }),
    recordIds: header.recordIds,
    fields: header.fields.map((i) => header.fieldNames[i]!),
    passageIds: header.passageIds,
    text: bytes.toString('utf16le', base + textOffset, base + textOffset + textLength * 2),
  };
}
