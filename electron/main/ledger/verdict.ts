import type { LedgerVerdict } from '../../../shared/domain/ledger';
import type { Direction } from './indicator-names';

export interface Figure {
  value: number;
  unit: string;
  qualifier: string | null;
  change: string | null;
}

const SCALE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, '': 1 };

/** `1.37万亿斤` → 1.37e12 斤; `%` and `个百分点` only compare with themselves. */
export function inBaseUnit(f: { value: number; unit: string }): { value: number; base: string } {
  const m = /^(万亿|亿|万|)(.+)$/.exec(f.unit);
  if (!m || /^[%‰]$|百分点|倍/.test(f.unit)) return { value: f.value, base: f.unit };
  return { value: f.value * SCALE[m[1]!]!, base: m[2]! };
}

export function comparable(a: Figure, b: Figure): boolean {
  if (inBaseUnit(a).base !== inBaseUnit(b).base) return false;
  // A reduction target (`降低3%`) is not judged by a growth figure, nor the reverse.
  const down = (c: string | null) => (c === null ? null : /降|减|下/.test(c));
  const da = down(a.change);
  const db = down(b.change);
  return da === null || db === null || da === db;
}

const AT_LEAST = /以上|超|不低于/;
const AT_MOST = /以内|以下|之内|不超过|控制在/;

/**
 * The verdict on one target given the outcome. `以上` asks for at least the figure, `以内` for at
 * most; `左右` and a bare figure are judged by which way is better for the indicator (a small
 * tolerance for `左右`), and are `unclear` for an indicator without such a rule.
 */
export function judge(
  target: Figure,
  outcome: Figure | null,
  direction: Direction | null,
  hasNextReport: boolean,
): { verdict: LedgerVerdict; reason: string } {
  if (!hasNextReport) return { verdict: 'pending', reason: '无该发布机关下一年度报告' };
  if (!outcome) return { verdict: 'unclear', reason: '下一年度报告未写明实际数' };
  if (!comparable(target, outcome)) return { verdict: 'unclear', reason: '实际数与目标不可比' };
  const t = inBaseUnit(target).value;
  const a = inBaseUnit(outcome).value;
  const shown = `实际 ${outcome.value}${outcome.unit}，目标 ${target.value}${target.unit}${target.qualifier ?? ''}`;
  const q = target.qualifier ?? '';
  const rule: Direction | null = AT_LEAST.test(q) ? 'up' : AT_MOST.test(q) ? 'down' : direction;
  if (rule === null) return { verdict: 'unclear', reason: `${shown}；无判定规则` };
  const tolerance =
    q === '左右' ? Math.max(Math.abs(t) * 0.02, /[%‰]|百分点/.test(target.unit) ? 0.1 : 0) : 0;
  const met = rule === 'up' ? a >= t - tolerance : a <= t + tolerance;
  return {
    verdict: met ? 'met' : 'missed',
    reason: `${shown}（${rule === 'up' ? '不低于' : '不高于'}目标）`,
  };
}
