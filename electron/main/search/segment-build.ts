import { foldText, isWordCodePoint } from './fold';
import { codePointAt } from './grams';
import { PostingWriter } from './posting-lists';
import { TermTable } from './term-table';
import { allocateUnits, finishUnits, kindCode, termRank, type Segment, type SegmentDoc } from './segment';
import type { SearchUnit } from '../kernel/search-source';
import { memoryPostings, memoryText } from './segment-parts';

export interface SectionInput {
  id: string;
  parentId: string | null;
  title: string;
}

export interface SegmentInput {
  docs: SegmentDoc[];
  sections: SectionInput[];
  units: SearchUnit[];
}

/** Units between two yields: a slice of a few milliseconds of work. */
const UNITS_PER_SLICE = 400;

class GrowableU32 {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Builds a segment from units. A generator: it yields between slices of work so that the caller
 * can keep the thread responsive; run it to completion with `runToEnd` where that does not matter.
 */
export function* buildSegment(input: SegmentInput): Generator<void, Segment> {
  const { docs, units } = input;
  const docSlot = new Map(docs.map((d, i) => [d.id, i]));
  const sectionSlot = new Map(input.sections.map((s, i) => [s.id, i]));
  const sections = input.sections.map((s) => ({
    id: s.id,
    title: foldText(s.title),
    parent: s.parentId === null ? -1 : (sectionSlot.get(s.parentId) ?? -1),
  }));

  const count = units.length;
  const columns = allocateUnits(count);
  const { kinds, docSlots, sectionSlots, emphasis, boosts, textStarts } = columns;
  const texts: string[] = [];

  const terms = new TermTable();
  const unitTerms = new GrowableU32();
  const unitTermEnds = new Uint32Array(count);

  let offset = 0;
  for (let u = 0; u < count; u++) {
    const unit = units[u]!;
    const slot = docSlot.get(unit.docId);
    if (slot === undefined) throw new Error(`unit ${unit.recordId} names a document not in the segment`);
    kinds[u] = kindCode(unit.kind);
    docSlots[u] = slot;
    sectionSlots[u] = unit.sectionId === null ? -1 : (sectionSlot.get(unit.sectionId) ?? -1);
    if (unit.emphasis) {
      emphasis[2 * u] = unit.emphasis[0];
      emphasis[2 * u + 1] = unit.emphasis[1];
    }
    boosts[u] = unit.boost ?? 1;
    columns.recordIds[u] = unit.recordId;
    columns.fields[u] = unit.field;
    columns.passageIds[u] = unit.passageId;
    const folded = foldText(unit.text);
    texts.push(folded);
    textStarts[u] = offset;
    offset += folded.length;
    // The unigrams and bigrams of grams.ts's forEachGram, inline: this loop is most of a build.
    let prev = -1;
    for (let i = 0; i < folded.length; i++) {
      const cp = codePointAt(folded, i);
      if (cp >= 0x10000) i++;
      if (!isWordCodePoint(cp)) {
        prev = -1;
        continue;
      }
      const c = terms.char(cp);
      if (terms.post(c, u)) unitTerms.push(c);
      if (prev >= 0) {
        const p = terms.pair(prev, cp);
        if (terms.post(p, u)) unitTerms.push(p);
      }
      prev = cp;
    }
    unitTermEnds[u] = unitTerms.length;
    if (u % UNITS_PER_SLICE === UNITS_PER_SLICE - 1) yield;
  }
  textStarts[count] = offset;

  // Terms in key order (a native numeric sort), each term's rank found by a binary search of its
  // key: a Map from key to term held a heap number and an entry per term, the largest transient
  // object of a build. Each term's postings are filled in unit order, hence sorted.
  const termKeys = terms.keys;
  const { df } = terms;
  const keys = Float64Array.from(termKeys).sort();
  yield;
  const rankOf = new Uint32Array(keys.length);
  for (let t = 0; t < keys.length; t++) {
    rankOf[t] = termRank(keys, termKeys[t]!);
    if (t % 50_000 === 49_999) yield;
  }
  const starts = new Uint32Array(keys.length + 1);
  for (let t = 0; t < keys.length; t++) starts[rankOf[t]! + 1] = df[t]!;
  for (let rank = 0; rank < keys.length; rank++) starts[rank + 1]! += starts[rank]!;
  const total = starts[keys.length]!;
  const cursor = new Uint32Array(keys.length);
  for (let t = 0; t < keys.length; t++) cursor[t] = starts[rankOf[t]!]!;
  yield;
  const postings = new Uint32Array(total);
  let p = 0;
  for (let u = 0; u < count; u++) {
    for (const end = unitTermEnds[u]!; p < end; p++) postings[cursor[unitTerms.data[p]!]!++] = u;
    if (u % (UNITS_PER_SLICE * 4) === 0) yield;
  }

  yield;
  const writer = new PostingWriter();
  const byteStarts = new Uint32Array(keys.length + 1);
  for (let rank = 0; rank < keys.length; rank++) {
    byteStarts[rank] = writer.length;
    writer.write(postings, starts[rank]!, starts[rank + 1]!);
    if (rank % 50_000 === 49_999) yield;
  }
  byteStarts[keys.length] = writer.length;
  const body = { docs, sections, count, ...finishUnits(columns), text: memoryText(texts.join('')) };
  return { ...body, keys, starts: byteStarts, postings: memoryPostings(writer.done()) };
}

/** Runs a sliced task to its end on this thread. */
export function runToEnd<T>(task: Generator<void, T>): T {
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
  }
}
