import type { LedgerSeries } from '../../../../shared/domain/ledger';
import { useT } from '../../i18n';
import { chartGeometry } from './model/chart-geometry';
import { figureText } from './model/group-rows';
import { ledgerStrings } from './strings';

/**
 * Target against actual by year as an inline SVG (prints as vectors), labelled for screen readers
 * and followed by the same figures as a table.
 */
export function SeriesChart({ series }: { series: LedgerSeries }) {
  const t = useT(ledgerStrings);
  const g = chartGeometry(series);
  const line = (key: 'target' | 'actual') =>
    g.points
      .filter((p) => p[key])
      .map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p[key]!.y.toFixed(1)}`)
      .join(' ');
  const label = t('chartLabel', { indicator: series.indicator, n: series.points.length });
  return (
    <figure className="ledger-chart">
      <figcaption>{t('chartOf', { indicator: series.indicator, issuer: series.issuer })}</figcaption>
      <svg viewBox={`0 0 ${g.width} ${g.height}`} role="img" aria-label={label} className="ledger-chart-svg">
        <title>{label}</title>
        {g.ticks.map((tick) => (
          <g key={tick.value} className="ledger-chart-grid">
            <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} />
            <text x={g.plot.left - 6} y={tick.y + 4} textAnchor="end">
              {tick.value}
            </text>
          </g>
        ))}
        {g.points.map((p) => (
          <text key={p.year} className="ledger-chart-year" x={p.x} y={g.plot.bottom + 20} textAnchor="middle">
            {p.year}
          </text>
        ))}
        <path className="ledger-chart-target" d={line('target')} />
        <path className="ledger-chart-actual" d={line('actual')} />
        {g.points.map((p) => (
          <g key={`m${p.year}`}>
            {p.target && (
              <rect className="ledger-chart-target-mark" x={p.x - 4} y={p.target.y - 4} width={8} height={8}>
                <title>{`${p.year} ${t('legendTarget')} ${p.target.value}`}</title>
              </rect>
            )}
            {p.actual && (
              <circle className="ledger-chart-actual-mark" cx={p.x} cy={p.actual.y} r={4.5}>
                <title>{`${p.year} ${t('legendActual')} ${p.actual.value}`}</title>
              </circle>
            )}
          </g>
        ))}
      </svg>
      <div className="ledger-chart-legend" aria-hidden="true">
        <span className="ledger-legend-target">{t('legendTarget')}</span>
        <span className="ledger-legend-actual">{t('legendActual')}</span>
      </div>
      <table className="ledger-chart-table">
        <caption>{t('chartTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('yearColumn')}</th>
            <th scope="col">{t('legendTarget')}</th>
            <th scope="col">{t('legendActual')}</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td>{p.target ? figureText(p.target) : '—'}</td>
              <td>{p.actual ? figureText(p.actual) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
