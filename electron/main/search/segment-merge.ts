import { isBigramKey } from './grams';
import { PostingWriter } from './posting-lists';
import {
  allocateUnits,
  finishUnits,
  postingsAt,
  unitText,
  type Segment,
  type SegmentSection,
} from './segment';
import { memoryPostings, memoryText } from './segment-parts';
import { copyKeptEntries } from './segment-positions';

export interface MergePart {
  segment: Segment;
  /** Per document slot: 1 while the library still holds that content. */
  aliveDocs: Uint8Array;
}

const TERMS_PER_SLICE = 20_000;

/**
 * One segment holding the live units of several, in order, without the units of deleted or
 * replaced documents. Postings stay sorted because every part's units follow the previous part's.
 */
export function* mergeSegments(parts: MergePart[]): Generator<void, Segment> {
  const docs: Segment['docs'] = [];
  const sections: SegmentSection[] = [];
  const unitMaps: Int32Array[] = [];
  const kept: { part: MergePart; unit: number; docSlot: number; sectionSlot: number }[] = [];

  for (const part of parts) {
    const { segment: s, aliveDocs } = part;
    const docMap = new Int32Array(s.docs.length).fill(-1);
    s.docs.forEach((d, i) => {
      if (aliveDocs[i]) docMap[i] = docs.push(d) - 1;
    });
    const sectionMap = new Int32Array(s.sections.length).fill(-1);
    const keepSection = (slot: number): number => {
      if (slot < 0) return -1;
      if (sectionMap[slot]! >= 0) return sectionMap[slot]!;
      const section = s.sections[slot]!;
      const parent = keepSection(section.parent);
      return (sectionMap[slot] = sections.push({ ...section, parent }) - 1);
    };
    const unitMap = new Int32Array(s.count).fill(-1);
    for (let u = 0; u < s.count; u++) {
      const docSlot = docMap[s.docSlots[u]!]!;
      if (docSlot < 0) continue;
      unitMap[u] = kept.length;
      kept.push({ part, unit: u, docSlot, sectionSlot: keepSection(s.sectionSlots[u]!) });
    }
    unitMaps.push(unitMap);
  }
  yield;

  const count = kept.length;
  const columns = allocateUnits(count);
  const { kinds, docSlots, sectionSlots, emphasis, boosts, textStarts } = columns;
  const texts: string[] = [];
  let offset = 0;
  kept.forEach(({ part: { segment: s }, unit: u, docSlot, sectionSlot }, i) => {
    kinds[i] = s.kinds[u]!;
    docSlots[i] = docSlot;
    sectionSlots[i] = sectionSlot;
    emphasis[2 * i] = s.emphasis[2 * u]!;
    emphasis[2 * i + 1] = s.emphasis[2 * u + 1]!;
    boosts[i] = s.boosts[u]!;
    columns.recordIds[i] = s.recordIds.at(u)!;
    columns.fields[i] = s.fields.at(u)!;
    columns.passageIds[i] = s.passageIds.at(u);
    const text = unitText(s, u);
    texts.push(text);
    textStarts[i] = offset;
    offset += text.length;
  });
  textStarts[count] = offset;
  yield;

  const upper = parts.reduce((n, p) => n + p.segment.count, 0);
  const keyUpper = parts.reduce((n, p) => n + p.segment.keys.length, 0);
  // One term's merged list at a time: at most one posting per unit of the merge.
  const list = new Uint32Array(upper);
  const writer = new PostingWriter();
  const keys = new Float64Array(keyUpper);
  const starts = new Uint32Array(keyUpper + 1);
  const heads = parts.map(() => 0);
  // Positions are carried over when every part has them; else the keeper makes them from the text.
  const positions = parts.every((p) => p.segment.positions) ? new PostingWriter() : null;
  const positionStarts = positions ? new Uint32Array(keyUpper + 1) : null;
  let nKeys = 0;
  for (let step = 1; ; step++) {
    let key = Infinity;
    parts.forEach((p, i) => {
      if (heads[i]! < p.segment.keys.length) key = Math.min(key, p.segment.keys[heads[i]!]!);
    });
    if (key === Infinity) break;
    let n = 0;
    const positionsFrom = positions?.length ?? 0;
    parts.forEach(({ segment: s }, i) => {
      const t = heads[i]!;
      if (t >= s.keys.length || s.keys[t] !== key) return;
      const map = unitMaps[i]!;
      const units = postingsAt(s, t);
      for (let j = 0; j < units.length; j++) {
        const u = map[units[j]!]!;
        if (u >= 0) list[n++] = u;
      }
      if (positions) {
        const { starts: at, bytes } = s.positions!;
        copyKeptEntries(positions, bytes.read(at[t]!, at[t + 1]!), isBigramKey(key), units, map);
      }
      heads[i] = t + 1;
    });
    if (n > 0) {
      keys[nKeys] = key;
      if (positionStarts) positionStarts[nKeys] = positionsFrom;
      starts[nKeys++] = writer.length;
      writer.write(list, 0, n);
    }
    if (step % TERMS_PER_SLICE === 0) yield;
  }
  starts[nKeys] = writer.length;
  if (positionStarts) positionStarts[nKeys] = positions!.length;

  return {
    docs,
    sections,
    count,
    ...finishUnits(columns),
    text: memoryText(texts.join('')),
    keys: keys.slice(0, nKeys),
    starts: starts.slice(0, nKeys + 1),
    postings: memoryPostings(writer.done()),
    ...(positions
      ? {
          positions: { starts: positionStarts!.slice(0, nKeys + 1), bytes: memoryPostings(positions.done()) },
        }
      : {}),
  };
}

export interface MergePolicy {
  /** More segments than this and the smallest are merged. */
  maxSegments: number;
  /** A segment with this share of dead units is rewritten without them. */
  deadShare: number;
  /** Characters of live text one merge may produce. */
  budget: number;
}

/** The segments to merge next: a half-dead one alone, else the smallest when there are too many. */
export function pickMergeGroup<E extends MergePart>(entries: E[], policy: MergePolicy): E[] | null {
  const liveText = (e: E) => {
    let n = 0;
    const s = e.segment;
    for (let u = 0; u < s.count; u++)
      if (e.aliveDocs[s.docSlots[u]!]) n += s.textStarts[u + 1]! - s.textStarts[u]!;
    return n;
  };
  const sized = entries.map((e) => ({ e, live: liveText(e), all: e.segment.text.length }));
  const halfDead = sized.find((s) => s.all > 0 && s.live < s.all * (1 - policy.deadShare));
  if (halfDead) return [halfDead.e];
  if (entries.length <= policy.maxSegments) return null;
  sized.sort((a, b) => a.live - b.live);
  const group: E[] = [];
  let total = 0;
  for (const s of sized) {
    if (group.length >= 2 && total + s.live > policy.budget) break;
    group.push(s.e);
    total += s.live;
  }
  return group.length >= 2 ? group : null;
}
