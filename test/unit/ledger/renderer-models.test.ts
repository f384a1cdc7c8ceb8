import { describe, expect, it } from 'vitest';
import type { LedgerFigure, LedgerRow, LedgerSeries } from '../../../shared/domain/ledger';
import { patchOf } from '../../../renderer/src/features/metadata/model/meta-form';
import { chartGeometry } from '../../../renderer/src/features/ledger/model/chart-geometry';
import { figureText, groupLedger, issuersOf } from '../../../renderer/src/features/ledger/model/group-rows';

const fig = (value: number, unit = '%', qualifier: string | null = null): LedgerFigure => ({
  docId: 'd1',
  passageId: 'd1-p1',
  value,
  unit,
  qualifier,
  change: null,
  text: '',
  citation: '',
  documentTitle: '',
  start: 0,
});
const row = (issuerKey: string, year: number, indicator: string): LedgerRow => ({
  id: `${issuerKey}|${indicator}|%|${year}`,
  issuer: `${issuerKey}人民政府`,
  issuerKey,
  indicator,
  year,
  target: fig(5, '%', '左右'),
  outcome: null,
  verdict: 'pending',
  computedVerdict: 'pending',
  reason: '',
  override: null,
});

describe('ledger screen models', () => {
  it('groups by issuer, newest year first, rows in order', () => {
    const groups = groupLedger([
      row('国务院', 2021, 'A'),
      row('国务院', 2024, 'B'),
      row('湖里区', 2021, 'C'),
      row('国务院', 2021, 'D'),
    ]);
    expect(groups.map((g) => g.issuerKey)).toEqual(['国务院', '湖里区']);
    expect(groups[0]!.years.map((y) => [y.year, y.rows.map((r) => r.indicator)])).toEqual([
      [2024, ['B']],
      [2021, ['A', 'D']],
    ]);
    expect(issuersOf([row('国务院', 2021, 'A'), row('国务院', 2024, 'B')])).toEqual([
      { key: '国务院', label: '国务院人民政府' },
    ]);
    expect(figureText(fig(1.3, '万亿斤', '以上'))).toBe('1.3万亿斤以上');
  });

  it('places years on a true scale and values on round ticks', () => {
    const series: LedgerSeries = {
      issuerKey: '国务院',
      issuer: '国务院',
      indicator: '城镇调查失业率',
      unit: '%',
      points: [
        { year: 2020, target: fig(6), actual: fig(5.2), verdict: 'met' },
        { year: 2021, target: fig(5.5), actual: fig(5.1), verdict: 'met' },
        { year: 2024, target: fig(5.5), actual: null, verdict: 'pending' },
      ],
    };
    const g = chartGeometry(series, 560, 220);
    const xs = g.points.map((p) => p.x);
    for (const x of xs) expect(Number.isFinite(x)).toBe(true);
    // 2021 sits a quarter of the way from 2020 to 2024.
    expect((xs[1]! - xs[0]!) / (xs[2]! - xs[0]!)).toBeCloseTo(0.25);
    expect(g.points[2]!.actual).toBeNull();
    expect(g.points[0]!.target!.y).toBeLessThan(g.points[0]!.actual!.y);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6]);
  });

  it('sends only what changed in the metadata form, refusing malformed years and dates', () => {
    const before = { title: 'T', issuer: '国务院', level: 'national', region: '', year: '2022', date: '' };
    expect(patchOf(before, { ...before, issuer: '', date: '2022-03-05' })).toEqual({
      patch: { issuer: null, date: '2022-03-05' },
      error: null,
    });
    expect(patchOf(before, { ...before, year: '22' }).error).toBe('yearInvalid');
    expect(patchOf(before, { ...before, date: '5 March' }).error).toBe('dateInvalid');
    expect(patchOf(before, { ...before, title: '  ' }).patch).toEqual({});
  });
});
