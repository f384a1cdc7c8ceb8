import type { Measure } from '../../../../../shared/domain/library';

/** One line of the panel: an indicator with its figures (`1360亿元`, `增长5.0%左右`) from one passage. */
export interface IndicatorRow {
  id: string;
  name: string;
  passageId: string;
  figures: Measure[];
}

export interface IndicatorGroup {
  status: Measure['status'];
  period: string | null;
  rows: IndicatorRow[];
  /** Number of indicator records (figures) in the group. */
  count: number;
}

/**
 * Targets before actuals, later periods first; document order inside a group. Consecutive figures
 * of the same indicator in the same passage share one row.
 */
export function groupIndicators(measures: readonly Measure[]): IndicatorGroup[] {
  const groups = new Map<string, IndicatorGroup>();
  for (const m of measures) {
    if (m.kind !== 'indicator') continue;
    const key = `${m.status ?? ''}|${m.period ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { status: m.status, period: m.period, rows: [], count: 0 }));
    g.count++;
    const name = m.indicator ?? m.title;
    const last = g.rows.at(-1);
    if (last && last.name === name && last.passageId === m.passageId) last.figures.push(m);
    else g.rows.push({ id: m.id, name, passageId: m.passageId, figures: [m] });
  }
  const rank = (s: Measure['status']) => (s === 'target' ? 0 : s === 'actual' ? 1 : 2);
  return [...groups.values()].sort(
    (a, b) => rank(a.status) - rank(b.status) || (b.period ?? '').localeCompare(a.period ?? ''),
  );
}

/**
 * The value as the report wrote it (`8.0`, not `8`): the number in the title that equals `value`,
 * else the plain number.
 */
export function writtenValue(m: Pick<Measure, 'title' | 'value'>): string {
  if (m.value === null) return '';
  for (const literal of m.title.match(/-?\d+(?:\.\d+)?/g) ?? [])
    if (Number(literal) === m.value) return literal;
  return String(m.value);
}

/** The span of the passage text covering every title (for the highlight on arrival), or null. */
export function titlesRange(text: string, titles: readonly string[]): { start: number; end: number } | null {
  let start = Infinity;
  let end = -1;
  let from = 0;
  for (const title of titles) {
    const at = text.indexOf(title, from);
    if (at < 0) continue;
    start = Math.min(start, at);
    end = Math.max(end, at + title.length);
    from = at + title.length;
  }
  return end < 0 ? null : { start, end };
}

/** 约 / 近 / 超 read before the number (约1360亿元); 左右 / 以上 / 以内 / 以下 after it. */
export function qualifierFirst(qualifier: string): boolean {
  return /^(约|近|超|超过|达|逾)$/.test(qualifier);
}
