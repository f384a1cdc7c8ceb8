import { beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core';
import { compileQuery, matchSegmentTask, type Scope } from '../../../electron/main/search/matcher';
import { parseQuery } from '../../../electron/main/search/query-parser';
import { SearchIndex } from '../../../electron/main/search/search-index';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import type { Segment } from '../../../electron/main/search/segment';
import { buildDocumentSegment } from '../../../electron/main/search/document-segments';
import { runToEnd } from '../../../electron/main/search/segment-build';
import { libraryDocs } from '../../../electron/main/search/segment-store';
import { mergeSegments } from '../../../electron/main/search/segment-merge';
import { postingBytesOf, textOf } from '../../../electron/main/search/segment-parts';
import { positionsOf } from '../../../electron/main/search/segment-positions';
import { describeCorpus } from '../../helpers/corpus';
import { corpusFiles, libraryWith, random } from './library';

const everything = (s: Segment): Scope => ({
  docs: new Uint8Array(s.docs.length).fill(1),
  kinds: 0,
  sections: null,
});

/** What a query finds in a segment, as plain arrays. */
function found(segment: Segment, query: string, scope = everything(segment)) {
  const m = runToEnd(matchSegmentTask(segment, compileQuery(parseQuery(query)), scope));
  return {
    units: Array.from(m.units),
    occurrences: Array.from(m.occurrences),
    emphasised: Array.from(m.emphasised),
  };
}

const withoutPositions = (s: Segment): Segment => ({ ...s, positions: undefined });

const bytesOf = (s: Segment) => ({
  starts: Array.from(s.positions!.starts),
  bytes: Buffer.from(postingBytesOf(s.positions!.bytes)).toString('base64'),
});

/** Queries as users type them: substrings of the texts, runs of one repeated character, several literals. */
function queriesOver(texts: string[], rnd: () => number): string[] {
  const out = new Set<string>();
  const pick = (min: number, max: number, shape: RegExp) => {
    for (let tries = 0; tries < 2000; tries++) {
      const text = texts[Math.floor(rnd() * texts.length)]!;
      const length = min + Math.floor(rnd() * (max - min + 1));
      const start = Math.floor(rnd() * Math.max(1, text.length - length));
      const q = text.slice(start, start + length);
      if (q.length === length && shape.test(q)) return q;
    }
    throw new Error(`no substring of shape ${shape}`);
  };
  for (let i = 0; i < 160; i++) out.add(pick(1, 8, /^\p{Script=Han}+$/u));
  for (let i = 0; i < 30; i++) out.add(pick(1, 5, /^[a-z0-9]+$/u));
  for (let i = 0; i < 20; i++) out.add(pick(2, 6, /^\p{Script=Han}+[，、。%.]\p{Script=Han}*$/u));
  for (const c of ['人', '一', '0', '9', '天']) for (const n of [2, 3, 4]) out.add(c.repeat(n));
  for (let i = 0; i < 30; i++) {
    const [a, b, c] = [
      pick(1, 3, /^\p{Script=Han}+$/u),
      pick(2, 4, /^\p{Script=Han}+$/u),
      pick(1, 2, /^\p{Script=Han}+$/u),
    ];
    out.add(`${a} ${b}`);
    out.add(`${a} OR ${b}`);
    out.add(`${b} -${c}`);
    out.add(`${a} OR ${c} ${b}`);
  }
  out.add('发展 -发展');
  out.add('没有这样的词语组合');
  return [...out];
}

describeCorpus('positions: a query answered without text finds what verifying against text finds', () => {
  let core: Core;
  let index: SearchIndex;
  let segments: Segment[];

  beforeAll(async () => {
    core = await libraryWith(corpusFiles());
    const service = searchServiceFor(core.ctx);
    // Blocks as they are from the first byte: every segment keeps its positions.
    index = new SearchIndex(core.ctx.db, () => service.sources(), 12, 0);
    await index.rebuild();
    segments = index.snapshot().segments.map((s) => s.segment);
    return () => core.close();
  }, 120_000);

  it('keeps positions in every segment of an index past the packing limit, stored and read back', () => {
    expect(segments.length).toBeGreaterThan(0);
    for (const s of segments) {
      expect(s.text.packed).toBe(false);
      expect(s.positions).toBeDefined();
      // As made again from the text: encoded, stored in blocks and read back without a change.
      expect(bytesOf({ ...s, positions: runToEnd(positionsOf(s)) })).toEqual(bytesOf(s));
    }
    const reopened = new SearchIndex(core.ctx.db, () => searchServiceFor(core.ctx).sources(), 12, 0);
    reopened.indexPendingNow();
    const loaded = reopened.snapshot().segments.map((s) => s.segment);
    expect(loaded.map(bytesOf)).toEqual(segments.map(bytesOf));
  });

  it('finds the same units, occurrences and lead-phrase hits as the text does', () => {
    const texts = segments.map((s) => textOf(s.text));
    const queries = queriesOver(texts, random(15));
    let hits = 0;
    for (const q of queries)
      for (const s of segments) {
        const expected = found(withoutPositions(s), q);
        expect(found(s, q), `${q} in a segment of ${s.count} units`).toEqual(expected);
        hits += expected.units.length;
      }
    expect(hits).toBeGreaterThan(10_000);
    // The lead-phrase bit and repeated characters were exercised, not only plain hits.
    const repeated = segments.flatMap((s) => found(s, '人人').occurrences);
    expect(repeated.length).toBeGreaterThan(0);
    expect(segments.some((s) => found(s, '发展').emphasised.includes(1))).toBe(true);
  });

  it('applies the scope as the text does: documents out of it are not found', () => {
    const [s] = segments;
    const scope = everything(s!);
    scope.docs[0] = 0;
    for (const q of ['发展', '经济社会', '2021', '改革 OR 开放'])
      expect(found(s!, q, scope)).toEqual(found(withoutPositions(s!), q, scope));
    expect(found(s!, '发展', scope).units.length).toBeLessThan(found(s!, '发展').units.length);
  });

  it('carries positions through a merge, without the units of documents no longer alive', () => {
    const { db } = core.ctx;
    const library = new Map(libraryDocs(db).map((row) => [row.id, row]));
    const ids = [...library.keys()];
    const built = (part: string[]) => {
      const s = runToEnd(buildDocumentSegment(db, searchServiceFor(core.ctx).sources(), library, part));
      return { ...s, positions: runToEnd(positionsOf(s)) };
    };
    const [a, b] = [built(ids.slice(0, 11)), built(ids.slice(11))];
    const alive = (s: Segment) => new Uint8Array(s.docs.length).fill(1);
    const partly = alive(a!);
    partly[0] = 0;
    const merged = runToEnd(
      mergeSegments([
        { segment: a!, aliveDocs: partly },
        { segment: b!, aliveDocs: alive(b!) },
      ]),
    );
    expect(merged.count).toBeLessThan(a!.count + b!.count);
    expect(bytesOf(merged)).toEqual(bytesOf({ ...merged, positions: runToEnd(positionsOf(merged)) }));
    // A part without positions: none carried, the keeper makes them from the merged text.
    const mixed = runToEnd(
      mergeSegments([
        { segment: withoutPositions(a!), aliveDocs: alive(a!) },
        { segment: b!, aliveDocs: alive(b!) },
      ]),
    );
    expect(mixed.positions).toBeUndefined();
  });
});
