import { isWordCodePoint } from './fold';
import { bigramParts, codePointAt, isBigramKey } from './grams';
import { PostingWriter } from './posting-lists';
import type { Segment, SegmentPositions } from './segment';
import { memoryPostings, textOf } from './segment-parts';
import { TermTable } from './term-table';

/**
 * Positions: where each term occurs in each unit of a segment, one entry per posting, in the
 * posting list's order. A character's entry is one varint, `count << 1 | emphasised` (an
 * occurrence inside the unit's lead phrase); a character pair's is its count and then its
 * positions (code units from the unit's start) as varint gaps. A literal that is a run of word
 * characters is then found from the positions of its pairs alone: at 3,000 reports a query of a
 * common character or phrase read most of the library's text (about 100 MB of blocks) to count
 * and verify its hits. Characters keep counts only: no query needs where they are, and their
 * positions would double the part.
 */

const UNITS_PER_SLICE = 400;
const TERMS_PER_SLICE = 50_000;

/** Reads the varint at `bytes[at.i]` and moves `at.i` past it. */
export function readVarint(bytes: Uint8Array, at: { i: number }): number {
  let b = bytes[at.i++]!;
  let v = b & 0x7f;
  for (let shift = 7; b >= 0x80; shift += 7) {
    b = bytes[at.i++]!;
    v |= (b & 0x7f) << shift;
  }
  return v >>> 0;
}

/** Index just past the entry at `i` of a term's positions (a pair's count and gaps, or a character's one varint). */
export function skipEntry(bytes: Uint8Array, i: number, pair: boolean): number {
  if (!pair) {
    while (bytes[i++]! >= 0x80);
    return i;
  }
  const at = { i };
  for (let n = readVarint(bytes, at); n > 0; n--) while (bytes[at.i++]! >= 0x80);
  return at.i;
}

/** The keys' terms in a table whose ids are their ranks, to find a gram's rank as a build finds its id. */
function rankTable(keys: Float64Array): TermTable {
  const table = new TermTable();
  for (const key of keys) {
    if (isBigramKey(key)) table.pair(...bigramParts(key));
    else table.char(key);
  }
  return table;
}

/** What the two walks over a segment's text share: per term, slots counted and then filled. */
interface Walk {
  table: TermTable;
  /** Per term, the last unit that took a slot (a character takes one per unit). */
  last: Int32Array;
  /** First walk: slots per term, at `slots[rank + 1]`. */
  slots: Uint32Array;
  /** Second walk: the next slot per term, and the slots (a pair's text offsets, a character's entries). */
  cursor: Uint32Array | null;
  filled: Uint32Array | null;
}

/**
 * Every gram of every unit's text as the build met them — each character, then the pair it ends,
 * at the code-unit offset where the gram starts — counted (first walk) or put in its slot (second).
 * One loop for both, with no call per gram: this walk is most of the cost of positions.
 */
function* walkGrams(segment: Segment, all: string, walk: Walk): Generator<void, void> {
  const { count, textStarts, emphasis, keys } = segment;
  const { table, last, slots, cursor, filled } = walk;
  const terms = keys.length;
  for (let u = 0; u < count; u++) {
    const text = all.slice(textStarts[u]!, textStarts[u + 1]!);
    const [leadStart, leadEnd] = [emphasis[2 * u]!, emphasis[2 * u + 1]!];
    let prev = -1;
    let prevAt = 0;
    for (let i = 0; i < text.length; i++) {
      const at = i;
      const cp = codePointAt(text, i);
      if (cp >= 0x10000) i++;
      if (!isWordCodePoint(cp)) {
        prev = -1;
        continue;
      }
      const c = table.char(cp);
      const p = prev >= 0 ? table.pair(prev, cp) : -1;
      if (c >= terms || p >= terms) throw new Error('a search segment holds text its terms lack');
      if (last[c] !== u) {
        last[c] = u;
        if (cursor) filled![cursor[c]!++] = 0;
        else slots[c + 1]!++;
      }
      if (cursor) {
        const lead = at >= leadStart && i + 1 <= leadEnd ? 1 : 0;
        filled![cursor[c]! - 1] = (filled![cursor[c]! - 1]! + 2) | lead;
        if (p >= 0) filled![cursor[p]!++] = textStarts[u]! + prevAt;
      } else if (p >= 0) slots[p + 1]!++;
      prev = cp;
      prevAt = at;
    }
    if (u % UNITS_PER_SLICE === UNITS_PER_SLICE - 1) yield;
  }
}

/**
 * The positions of a segment, from its text (just built, merged from parts without positions, or
 * one written before positions were kept): two walks over the text, the first counting the
 * slots of each term so that the second fills one flat array in term order.
 */
export function* positionsOf(segment: Segment): Generator<void, SegmentPositions> {
  const { keys, textStarts } = segment;
  const pair = new Uint8Array(keys.length);
  for (let r = 0; r < keys.length; r++) pair[r] = isBigramKey(keys[r]!) ? 1 : 0;
  const walk: Walk = {
    table: rankTable(keys),
    last: new Int32Array(keys.length).fill(-1),
    slots: new Uint32Array(keys.length + 1),
    cursor: null,
    filled: null,
  };
  // The whole text once (a segment stored in blocks is read through the cache once, not twice).
  const text = textOf(segment.text);
  yield* walkGrams(segment, text, walk);
  const { slots } = walk;
  for (let r = 0; r < keys.length; r++) slots[r + 1]! += slots[r]!;
  walk.last.fill(-1);
  walk.cursor = slots.slice(0, keys.length);
  walk.filled = new Uint32Array(slots[keys.length]!);
  yield* walkGrams(segment, text, walk);
  const { filled } = walk;
  const writer = new PostingWriter();
  const starts = new Uint32Array(keys.length + 1);
  for (let r = 0; r < keys.length; r++) {
    starts[r] = writer.length;
    if (pair[r]) {
      const units = segment.postings.read(segment.starts[r]!, segment.starts[r + 1]!);
      writePairEntries(writer, filled, slots[r]!, slots[r + 1]!, units, textStarts);
    } else for (let i = slots[r]!; i < slots[r + 1]!; i++) writer.value(filled[i]!);
    if (r % TERMS_PER_SLICE === TERMS_PER_SLICE - 1) yield;
  }
  starts[keys.length] = writer.length;
  return { starts, bytes: memoryPostings(writer.done()) };
}

/**
 * A pair's entries from its text offsets (ascending): per unit of its posting list (read here from
 * its bytes, no list decoded), how many offsets fall in the unit, then those as gaps from its start.
 */
function writePairEntries(
  writer: PostingWriter,
  offsets: Uint32Array,
  from: number,
  to: number,
  units: Uint8Array,
  textStarts: Uint32Array,
): void {
  const at = { i: 0 };
  let u = 0;
  for (let i = from; i < to;) {
    u += readVarint(units, at);
    const end = textStarts[u + 1]!;
    let n = i;
    while (n < to && offsets[n]! < end) n++;
    writer.value(n - i);
    let prev = textStarts[u]!;
    for (; i < n; i++) {
      writer.value(offsets[i]! - prev);
      prev = offsets[i]!;
    }
  }
}

/**
 * Copies the entries of one term of a merged part whose units are kept (`map` ≥ 0), in order:
 * entries are relative to their unit, so they are the same bytes in the merged segment. Runs of
 * kept entries are copied at once (the whole list, when no unit of it is dropped): a copy per
 * entry was 40 % of the merges of a 3,000-report import.
 */
export function copyKeptEntries(
  out: PostingWriter,
  bytes: Uint8Array,
  pair: boolean,
  units: Uint32Array,
  map: Int32Array,
): void {
  let dropped = false;
  for (let k = 0; k < units.length && !dropped; k++) dropped = map[units[k]!]! < 0;
  if (!dropped) return out.append(bytes, 0, bytes.length);
  let run = 0;
  let i = 0;
  for (const u of units) {
    const next = skipEntry(bytes, i, pair);
    if (map[u]! < 0) {
      if (i > run) out.append(bytes, run, i);
      run = next;
    }
    i = next;
  }
  if (i > run) out.append(bytes, run, i);
}
