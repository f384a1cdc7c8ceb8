import { postingsAt, type Segment } from '../../../electron/main/search/segment';
import { headerRecords } from '../../../electron/main/search/segment-codec';
import { postingBytesOf, textOf } from '../../../electron/main/search/segment-parts';

const align8 = (n: number) => (n + 7) & ~7;

/**
 * A segment as formats 1 and 2 wrote it: one blob holding the header, the typed arrays, the
 * postings (format 1: a Uint32 each, `starts` counted in postings; format 2: varint bytes) and the
 * folded text as UTF-16 — what a library made before format 3 holds.
 */
export function legacyBlob(s: Segment, format: 1 | 2): Buffer {
  let starts = s.starts;
  let postings: Uint8Array | Uint32Array = postingBytesOf(s.postings);
  if (format === 1) {
    const lists = Array.from(s.keys, (_, t) => postingsAt(s, t));
    starts = new Uint32Array(lists.length + 1);
    lists.forEach((l, t) => (starts[t + 1] = starts[t]! + l.length));
    postings = new Uint32Array(starts[lists.length]!);
    lists.forEach((l, t) => postings.set(l, starts[t]!));
  }
  const named = Object.entries({
    kinds: s.kinds,
    docSlots: s.docSlots,
    sectionSlots: s.sectionSlots,
    emphasis: s.emphasis,
    boosts: s.boosts,
    textStarts: s.textStarts,
    keys: s.keys,
    starts,
    postings,
  });
  const arrays: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [name, array] of named) {
    arrays[name] = [offset, array.length];
    offset = align8(offset + array.byteLength);
  }
  const text = textOf(s.text);
  const json = Buffer.from(
    JSON.stringify({
      format,
      ...headerRecords(s),
      arrays,
      text: [offset, text.length],
    }),
  );
  const base = align8(4 + json.length);
  const out = Buffer.alloc(base + offset + text.length * 2);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  for (const [name, array] of named)
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, base + arrays[name]![0]);
  out.write(text, base + offset, 'utf16le');
  return out;
}
