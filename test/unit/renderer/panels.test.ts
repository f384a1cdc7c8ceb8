import { describe, expect, it } from 'vitest';
import type { DocumentSummary, Measure } from '../../../shared/domain/library';
import { groupByYear } from '../../../renderer/src/features/library/model/group-by-year';
import {
  groupIndicators,
  qualifierFirst,
  titlesRange,
  writtenValue,
} from '../../../renderer/src/features/measures/model/group-measures';

const indicator = (id: string, over: Partial<Measure>): Measure => ({
  id,
  passageId: 'p1',
  kind: 'indicator',
  title: '',
  indicator: null,
  value: null,
  unit: null,
  change: null,
  qualifier: null,
  period: '2020',
  status: 'actual',
  ...over,
});

describe('groupIndicators', () => {
  it('puts targets first, later periods first, and joins figures of one indicator in one passage', () => {
    const groups = groupIndicators([
      indicator('m1', { indicator: '地区生产总值', title: '地区生产总值1360亿元', value: 1360 }),
      indicator('m2', { indicator: '地区生产总值', title: '增长5.0%左右', value: 5 }),
      indicator('m3', { indicator: '财政总收入', title: '财政总收入226.9亿元', value: 226.9 }),
      indicator('m4', { indicator: '地区生产总值', title: '年均增长8.1%', period: '2015-2020' }),
      indicator('m5', { indicator: '地区生产总值', title: '比增8.0%以上', period: '2021', status: 'target' }),
      indicator('m6', { indicator: '地区生产总值', title: '另一段', passageId: 'p2' }),
      { ...indicator('t1', {}), kind: 'task', title: '硬核举措“防扩散”' },
    ]);
    expect(groups.map((g) => [g.status, g.period, g.count])).toEqual([
      ['target', '2021', 1],
      ['actual', '2020', 4],
      ['actual', '2015-2020', 1],
    ]);
    expect(groups[1]!.rows.map((r) => [r.name, r.figures.map((m) => m.id)])).toEqual([
      ['地区生产总值', ['m1', 'm2']],
      ['财政总收入', ['m3']],
      ['地区生产总值', ['m6']],
    ]);
  });
});

describe('writtenValue', () => {
  it('shows the number as written in the report', () => {
    expect(writtenValue({ title: '地区生产总值比增8.0%以上', value: 8 })).toBe('8.0');
    expect(writtenValue({ title: '增长-1.0%', value: -1 })).toBe('-1.0');
    expect(writtenValue({ title: '从778.1亿元增长至约1360亿元', value: 1360 })).toBe('1360');
    expect(writtenValue({ title: '无数字', value: 4.5 })).toBe('4.5');
    expect(writtenValue({ title: '任务', value: null })).toBe('');
  });
});

describe('qualifierFirst', () => {
  it('puts 约/近/超 before the number and 左右/以上/以内 after it', () => {
    expect(['约', '近', '超'].map(qualifierFirst)).toEqual([true, true, true]);
    expect(['左右', '以上', '以内', '以下'].map(qualifierFirst)).toEqual([false, false, false, false]);
  });
});

describe('titlesRange', () => {
  it('spans all titles found in order, or null when none is in the text', () => {
    const text = '全年预计实现地区生产总值1360亿元、增长5.0%左右,财政总收入226.9亿元';
    expect(titlesRange(text, ['地区生产总值1360亿元', '增长5.0%左右'])).toEqual({ start: 6, end: 27 });
    expect(text.slice(6, 27)).toBe('地区生产总值1360亿元、增长5.0%左右');
    expect(titlesRange(text, ['不存在'])).toBeNull();
  });
});

describe('groupByYear', () => {
  const doc = (id: string, year: number | null, date: string | null, title = id): DocumentSummary => ({
    id,
    title,
    issuer: null,
    date,
    year,
    level: 'district',
    region: null,
    passages: 0,
    glossary: 0,
    measures: 0,
    annotations: 0,
    importedAt: '',
  });

  it('orders years newest first with undated documents last, latest date first inside a year', () => {
    const groups = groupByYear([
      doc('a', 2020, '2020-01-05'),
      doc('b', null, null),
      doc('c', 2021, '2021-01-11'),
      doc('d', 2021, '2021-03-05'),
    ]);
    expect(groups.map((g) => [g.year, g.documents.map((d) => d.id)])).toEqual([
      [2021, ['d', 'c']],
      [2020, ['a']],
      [null, ['b']],
    ]);
  });
});
