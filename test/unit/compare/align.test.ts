import { describe, expect, it } from 'vitest';
import { alignSequences } from '../../../electron/main/compare/align';
import { defaultPair } from '../../../electron/main/compare/default-pair';
import { diffSentences, splitSentences } from '../../../electron/main/compare/sentences';
import type { DocumentSummary } from '../../../shared/domain/library';

const equal = (a: string[], b: string[]) => (i: number, j: number) => (a[i] === b[j] ? 1 : 0);

describe('alignSequences', () => {
  it('pairs equal items in order and leaves the rest as added or removed', () => {
    const a = ['x', 'b', 'c', 'y', 'e'];
    const b = ['b', 'c', 'z', 'e'];
    const { steps, banded } = alignSequences(a.length, b.length, equal(a, b), 0.5);
    expect(banded).toBe(false);
    expect(steps.map((s) => [s.i, s.j])).toEqual([
      [0, null],
      [1, 0],
      [2, 1],
      [3, null],
      [null, 2],
      [4, 3],
    ]);
  });

  it('stays monotone and one-to-one when a band caps the work', () => {
    const n = 300;
    const a = Array.from({ length: n }, (_, k) => `s${k}`);
    const b = a.filter((_, k) => k % 7 !== 3);
    let calls = 0;
    const sim = equal(a, b);
    const { steps, banded } = alignSequences(a.length, b.length, (i, j) => (calls++, sim(i, j)), 0.5, 20_000);
    expect(banded).toBe(true);
    expect(calls).toBeLessThan(25_000);
    const pairs = steps.filter((s) => s.i !== null && s.j !== null);
    expect(pairs.length).toBe(b.length);
    for (const p of pairs) expect(a[p.i!]).toBe(b[p.j!]);
    expect(steps.filter((s) => s.i !== null).map((s) => s.i)).toEqual(a.map((_, k) => k));
    expect(steps.filter((s) => s.j !== null).map((s) => s.j)).toEqual(b.map((_, k) => k));
  });

  it('refuses sequences past its cap instead of allocating a huge matrix', () => {
    expect(() => alignSequences(5000, 5000, () => 1, 0.5)).toThrow(RangeError);
  });
});

describe('diffSentences', () => {
  const a =
    '今年发展主要预期目标是：国内生产总值增长5%左右。城镇新增就业1200万人以上。居民消费价格涨幅3%左右。';
  const b =
    '今年发展主要预期目标是：国内生产总值增长5%左右。城镇新增就业1200万人以上。居民消费价格涨幅2%左右。粮食产量1.4万亿斤左右。';

  it('splits at sentence ends, ranges covering the text', () => {
    const ranges = splitSentences(a);
    expect(ranges.map(([s, e]) => a.slice(s, e))).toEqual([
      '今年发展主要预期目标是：国内生产总值增长5%左右。',
      '城镇新增就业1200万人以上。',
      '居民消费价格涨幅3%左右。',
    ]);
  });

  it('marks reworded and added sentences with ranges into each passage', () => {
    const changes = diffSentences(a, b);
    expect(changes.map((c) => c.kind)).toEqual(['changed', 'added']);
    const [changed, added] = changes;
    expect(a.slice(...changed!.a!)).toBe('居民消费价格涨幅3%左右。');
    expect(b.slice(...changed!.b!)).toBe('居民消费价格涨幅2%左右。');
    expect(a.slice(...changed!.aDiff!)).toBe('3');
    expect(b.slice(...changed!.bDiff!)).toBe('2');
    expect(b.slice(...added!.b!)).toBe('粮食产量1.4万亿斤左右。');
    expect(diffSentences(a, a)).toEqual([]);
  });
});

const doc = (id: string, year: number | null, issuer: string | null, title: string, level = 'national') =>
  ({ id, year, issuer, title, level, date: null }) as DocumentSummary;

describe('defaultPair', () => {
  const docs = [
    doc('n25', 2025, '国务院', '2025年政府工作报告'),
    doc('n24', 2024, '国务院', '2024年政府工作报告'),
    doc('n21', 2021, '国务院', '2021年政府工作报告'),
    doc('n20', 2020, null, '2020年政府工作报告'),
    doc('o18', 2018, '国务院办公厅', '关于推进政务新媒体健康有序发展的意见'),
    doc('h19', 2019, '呼伦贝尔市海拉尔区人民政府', '2019年呼伦贝尔市海拉尔区政府工作报告', 'district'),
    doc('h12', 2012, '海拉尔区人民政府', '2012年海拉尔区政府工作报告', 'district'),
    doc('q26', 2026, null, '2026年青海省政府工作报告', 'province'),
  ];

  it('pairs a report with the same issuer’s nearest earlier one, older first', () => {
    expect(defaultPair(docs, 'n25')).toEqual({ a: 'n24', b: 'n25', basis: 'issuer' });
    expect(defaultPair(docs, 'h19')).toEqual({ a: 'h12', b: 'h19', basis: 'issuer' });
  });

  it('falls back on the title pattern within one level when an issuer is unknown', () => {
    expect(defaultPair(docs, 'n21')).toEqual({ a: 'n20', b: 'n21', basis: 'title' });
    expect(defaultPair(docs, 'q26')).toBeNull();
  });

  it('offers the next report when there is no earlier one, and the newest pair without a document', () => {
    expect(defaultPair(docs, 'h12')).toEqual({ a: 'h12', b: 'h19', basis: 'issuer' });
    expect(defaultPair(docs)).toEqual({ a: 'n24', b: 'n25', basis: 'issuer' });
    expect(defaultPair(docs, 'o18')).toBeNull();
    expect(defaultPair(docs, 'missing')).toBeNull();
  });
});
