import type { TermView } from '../../../../shared/domain/xref';
import { useT } from '../../i18n';
import { xrefStrings } from './strings';

const BAR = 28;
const GAP = 10;
const HEIGHT = 120;

/**
 * Passages per year as bars (inline SVG), with the same figures as a table for screen readers and
 * for anyone who prefers numbers; every bar also carries its figure as a label.
 */
export function YearChart({ years }: { years: TermView['years'] }) {
  const t = useT(xrefStrings);
  const max = Math.max(1, ...years.map((y) => y.count));
  const width = years.length * (BAR + GAP) + GAP;
  const label = (year: number | null) => (year === null ? t('undated') : String(year));
  return (
    <figure className="xr-chart">
      <figcaption className="xr-chart-title">{t('chartTitle')}</figcaption>
      <svg
        role="img"
        aria-label={years.map((y) => t('bar', { year: label(y.year), n: y.count })).join('；')}
        width={width}
        height={HEIGHT + 36}
        viewBox={`0 0 ${width} ${HEIGHT + 36}`}
      >
        {years.map((y, i) => {
          const h = Math.max(2, (y.count / max) * HEIGHT);
          const x = GAP + i * (BAR + GAP);
          return (
            <g key={label(y.year)}>
              <rect className="xr-bar" x={x} y={HEIGHT - h + 14} width={BAR} height={h} rx={3} />
              <text className="xr-bar-value" x={x + BAR / 2} y={HEIGHT - h + 10} textAnchor="middle">
                {y.count}
              </text>
              <text className="xr-bar-label" x={x + BAR / 2} y={HEIGHT + 30} textAnchor="middle">
                {y.year === null ? '?' : String(y.year).slice(2)}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="xr-chart-table">
        <thead>
          <tr>
            <th scope="col">{t('chartYear')}</th>
            {years.map((y) => (
              <th key={label(y.year)} scope="col">
                {label(y.year)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('chartCount')}</th>
            {years.map((y) => (
              <td key={label(y.year)}>{y.count}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
