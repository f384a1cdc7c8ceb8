import { foldText } from './fold';
import { forEachGram } from './grams';
import { allocateUnits, kindCode, type Segment, type SegmentDoc } from './segment';
import type { SearchUnit } from './source';

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

  // Term ids in order of first appearance; `lastUnit` keeps a unit from posting a term twice.
  const termIds = new Map<number, number>();
  const termKeys: number[] = [];
  let df = new Uint32Array(4096);
  let lastUnit = new Int32Array(4096).fill(-1);
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
    forEachGram(folded, (key) => {
      let t = termIds.get(key);
      if (t === undefined) {
        t = termKeys.length;
        termIds.set(key, t);
        termKeys.push(key);
        if (t === df.length) {
          const grownDf = new Uint32Array(df.length * 2);
          grownDf.set(df);
          df = grownDf;
          const grownLast = new Int32Array(lastUnit.length * 2).fill(-1);
          grownLast.set(lastUnit);
          lastUnit = grownLast;
        }
      }
      if (lastUnit[t] === u) return;
      lastUnit[t] = u;
      df[t]!++;
      unitTerms.push(t);
    });
    unitTermEnds[u] = unitTerms.length;
    if (u % UNITS_PER_SLICE === UNITS_PER_SLICE - 1) yield;
  }
  textStarts[count] = offset;

  // Terms in key order (a native numeric sort); each term's postings are filled in unit order,
  // hence sorted.
  const keys = Float64Array.from(termKeys).sort();
  yield;
  const starts = new Uint32Array(keys.length + 1);
  const cursor = new Uint32Array(keys.length);
  let total = 0;
  for (let rank = 0; rank < keys.length; rank++) {
    const t = termIds.get(keys[rank]!)!;
    starts[rank] = total;
    cursor[t] = total;
    total += df[t]!;
    if (rank % 50_000 === 49_999) yield;
  }
  starts[keys.length] = total;
  yield;
  const postings = new Uint32Array(total);
  let p = 0;
  for (let u = 0; u < count; u++) {
    for (const end = unitTermEnds[u]!; p < end; p++) postings[cursor[unitTerms.data[p]!]!++] = u;
    if (u % (UNITS_PER_SLICE * 4) === 0) yield;
  }

  return { docs, sections, count, ...columns, text: texts.join(''), keys, starts, postings };
}

/** Runs a sliced task to its end on this thread. */
export function runToEnd<T>(task: Generator<void, T>): T {
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
  }
}
