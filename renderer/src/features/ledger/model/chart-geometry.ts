import type { LedgerSeries } from '../../../../../shared/domain/ledger';

export interface ChartPoint {
  year: number;
  x: number;
  target: { y: number; value: number } | null;
  actual: { y: number; value: number } | null;
}

export interface ChartGeometry {
  width: number;
  height: number;
  points: ChartPoint[];
  ticks: { y: number; value: number }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

/** Lays out the years on x and target/actual values on a shared y scale with round ticks. */
export function chartGeometry(series: LedgerSeries, width = 560, height = 220): ChartGeometry {
  const plot = { left: 48, right: width - 16, top: 16, bottom: height - 32 };
  const unit = series.unit;
  const values = series.points.flatMap((p) =>
    [p.target, p.actual].filter((f) => f && (unit === null || f.unit === unit)).map((f) => f!.value),
  );
  const max = values.length ? Math.max(...values) : 1;
  const min = values.length ? Math.min(0, ...values) : 0;
  const step = niceStep((max - min) / 4 || 1);
  const top = Math.ceil(max / step) * step || step;
  const bottom = Math.floor(min / step) * step;
  const y = (v: number) => plot.bottom - ((v - bottom) / (top - bottom)) * (plot.bottom - plot.top);
  // Years on a true scale: a year with no figure in the library leaves its gap.
  const first = series.points[0]?.year ?? 0;
  const span = (series.points.at(-1)?.year ?? first) - first;
  const x = (year: number) =>
    span === 0
      ? (plot.left + plot.right) / 2
      : plot.left + 16 + ((year - first) * (plot.right - plot.left - 32)) / span;
  const at = (f: { value: number; unit: string } | null) =>
    f && (unit === null || f.unit === unit) ? { y: y(f.value), value: f.value } : null;
  const ticks: { y: number; value: number }[] = [];
  for (let v = bottom; v <= top + step / 2; v += step) ticks.push({ y: y(v), value: Number(v.toFixed(6)) });
  return {
    width,
    height,
    plot,
    ticks,
    points: series.points.map((p) => ({
      year: p.year,
      x: x(p.year),
      target: at(p.target),
      actual: at(p.actual),
    })),
  };
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}
