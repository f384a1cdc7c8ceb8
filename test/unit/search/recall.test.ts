import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core';
import { foldText } from '../../../electron/main/search/fold';
import { describeCorpus } from '../../helpers/corpus';
import {
  corpusFiles,
  libraryWith,
  oracle,
  oracleUnits,
  random,
  searchAll,
  unitKey,
  type OracleUnit,
} from './library';

/** Substrings of the library's own texts: `count` of them, each `min`..`max` long and matching `shape`. */
function sample(
  units: OracleUnit[],
  rnd: () => number,
  count: number,
  min: number,
  max: number,
  shape: RegExp,
) {
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 400; tries++) {
    const text = units[Math.floor(rnd() * units.length)]!.text;
    const length = min + Math.floor(rnd() * (max - min + 1));
    const start = Math.floor(rnd() * Math.max(1, text.length - length));
    const q = text.slice(start, start + length);
    if ([...q].length === length && shape.test(q)) out.add(q);
  }
  return [...out];
}

const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const swapCase = (s: string) =>
  [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

/** Every occurrence of q lies in a range; ranges are sorted, disjoint and each begins with q. */
function rangesCover(text: string, q: string, ranges: [number, number][]): boolean {
  const t = foldText(text);
  const f = foldText(q);
  for (let i = 0; i < ranges.length; i++) {
    const [s, e] = ranges[i]!;
    if (!t.startsWith(f, s) || e > t.length || (i > 0 && s <= ranges[i - 1]![1] - 1)) return false;
  }
  for (let at = t.indexOf(f); at >= 0; at = t.indexOf(f, at + f.length))
    if (!ranges.some(([s, e]) => s <= at && at + f.length <= e)) return false;
  return ranges.length > 0;
}

describeCorpus('recall and precision over the whole corpus', () => {
  let core: Core;
  let units: OracleUnit[];
  let byKey: Map<string, string>;
  const tally = { truePositive: 0, falsePositive: 0, falseNegative: 0, queries: 0 };

  beforeAll(async () => {
    core = await libraryWith(corpusFiles());
    units = oracleUnits(core);
    byKey = new Map(units.map((u) => [unitKey(u), u.text]));
  }, 120_000);
  afterAll(() => {
    const recall = tally.truePositive / (tally.truePositive + tally.falseNegative);
    const precision = tally.truePositive / (tally.truePositive + tally.falsePositive);
    console.info(
      `search over the corpus: ${tally.queries} queries, ${tally.truePositive} expected hits, recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`,
    );
    core?.close();
  });

  /** Compares one query with brute force: same units, ranges on every occurrence. */
  function check(query: string, all: string[], none: string[] = []) {
    const expected = oracle(units, all, none);
    const { total, hits } = searchAll(core, query);
    const got = new Set(hits.map(unitKey));
    tally.queries++;
    for (const k of got)
      if (expected.has(k)) tally.truePositive++;
      else tally.falsePositive++;
    for (const k of expected) if (!got.has(k)) tally.falseNegative++;
    expect({ query, missing: [...expected].filter((k) => !got.has(k)).slice(0, 3) }).toEqual({
      query,
      missing: [],
    });
    expect({ query, extra: [...got].filter((k) => !expected.has(k)).slice(0, 3) }).toEqual({
      query,
      extra: [],
    });
    expect(total).toBe(expected.size);
    if (all.length === 1) {
      const bad = hits.filter((h) => !rangesCover(byKey.get(unitKey(h))!, all[0]!, h.ranges));
      expect({ query, badRanges: bad.slice(0, 2) }).toEqual({ query, badRanges: [] });
    }
    return expected.size;
  }

  it('finds exactly the units containing 300 random Chinese substrings of 1-8 characters', () => {
    const queries = sample(units, random(4), 300, 1, 8, /^\p{Script=Han}+$/u);
    expect(queries.length).toBe(300);
    for (const q of queries) expect(check(q, [q])).toBeGreaterThan(0);
  });

  it('finds exactly the units containing Latin and number strings, in any case and width', () => {
    const queries = sample(units, random(7), 60, 1, 6, /^[A-Za-z0-9.%]+$/u);
    expect(queries.length).toBeGreaterThan(40);
    for (const q of queries) {
      check(q, [q]);
      check(swapCase(q), [q]);
      check(fullWidth(q), [q]);
    }
  });

  it('finds substrings that run across punctuation and quotation marks', () => {
    const queries = sample(units, random(11), 60, 2, 6, /[^\p{L}\p{N}\s"]/u).filter(
      (q) => !/^[-－]|["＂]|\s/u.test(q) && !/^(doc|year|kind|section)[:：]/u.test(q),
    );
    expect(queries.length).toBeGreaterThan(30);
    for (const q of queries) check(q, [q]);
  });

  it.each([
    ['疫情防控', ['疫情防控'], []],
    ['引资', ['引资'], []],
    ['两岸', ['两岸'], []],
    ['RCEP', ['RCEP'], []],
    ['rcep', ['RCEP'], []],
    ['“六稳”', ['“六稳”'], []],
    ['高质量发展 -疫情', ['高质量发展'], ['疫情']],
    ['招商引资 营商环境', ['招商引资', '营商环境'], []],
    ['"海峡 两岸"', ['海峡 两岸'], []],
    ['２０２１', ['2021'], []],
    ['5G', ['5G'], []],
    // No term narrows these: every unit is scanned (the one-literal text walk over all units).
    ['%', ['%'], []],
    ['；', ['；'], []],
    ['。”', ['。”'], []],
  ] as const)('%s', (query, all, none) => {
    check(query, [...all], [...none]);
  });

  it('OR unites the units of either side', () => {
    const either = new Set([...oracle(units, ['疫情防控']), ...oracle(units, ['复工复产'])]);
    const got = searchAll(core, '疫情防控 OR 复工复产');
    expect(new Set(got.hits.map(unitKey))).toEqual(either);
    expect(got.total).toBe(either.size);
  });
});
