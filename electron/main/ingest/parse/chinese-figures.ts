import { chineseInteger } from './numerals';
import { UNIT_AFTER_MULTIPLIER } from './units';

/**
 * Figures written in Chinese numerals, rewritten in digits for the indicator extractor:
 * `百分之十一` → `11%`, `百分之七点五` → `7.5%`, `三千五百多万人` → `3500多万人`,
 * `五十四万亿元` → `54万亿元`, `七点二个百分点` → `7.2个百分点`. A numeral counts as a figure only
 * when a unit follows it (or 百分之 leads it), so `十四五`, `一带一路` and `第一` stay words.
 */

const WHOLE = '零〇○一二两三四五六七八九十百千万亿';
const DECIMAL = '零〇○一二三四五六七八九';
const FIGURE = new RegExp(
  `百分之(?<percent>[${WHOLE}]+(?:点[${DECIMAL}]+)?)` +
    // `数十万人`, `上万人`, `几千亿元` are no figures.
    `|(?<![数几上成${WHOLE}])(?<number>[${WHOLE}]+(?:点[${DECIMAL}]+)?)(?<approx>多|余)?(?<multiplier>万亿|亿|万)?(?=${UNIT_AFTER_MULTIPLIER})`,
  'g',
);

const DECIMAL_DIGIT = new Map([...'〇一二三四五六七八九'].map((c, i) => [c, String(i)]));
DECIMAL_DIGIT.set('零', '0').set('○', '0');

/** `七点五` → `7.5`; null when the numeral does not read as a number. */
function numberText(numeral: string): string | null {
  const [whole, fraction] = numeral.split('点');
  const value = chineseInteger(whole!);
  if (value === null) return null;
  return fraction === undefined
    ? String(value)
    : `${value}.${[...fraction].map((c) => DECIMAL_DIGIT.get(c)).join('')}`;
}

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** The figure in digits, keeping the multiplier that the unit starts with (`二万八千亿` → `28000亿`). */
function convert(groups: Record<string, string | undefined>): string | null {
  if (groups.percent) {
    const n = numberText(groups.percent);
    return n === null ? null : `${n}%`;
  }
  let numeral = groups.number!;
  const approx = groups.approx ?? '';
  let multiplier = groups.multiplier ?? '';
  if (numeral.includes('点')) {
    const n = numberText(numeral);
    return n === null ? null : n + approx + multiplier;
  }
  // `二十五亿七千多万`: the 万 after 多 belongs to the numeral.
  if (approx && multiplier) {
    numeral += multiplier;
  } else if (!approx) {
    multiplier = /(万亿|亿|万)$/.exec(numeral)?.[1] ?? '';
  }
  const value = chineseInteger(numeral);
  if (value === null || value === 0) return null;
  const scale = MULTIPLIER[multiplier] ?? 1;
  // A multiplier that does not divide the whole means the numeral was misread: leave it as words.
  if (value % scale !== 0) return null;
  return String(value / scale) + approx + multiplier;
}

export interface Rewritten {
  text: string;
  /** For each index of `text`, the index in the string rewritten. */
  origin: number[];
}

/**
 * Rewrites every Chinese-numeral figure in digits. A rewritten figure's characters map to the first
 * character of the numeral, its last to the numeral's last, so a span of the result quotes the whole
 * figure as written.
 */
export function rewriteChineseFigures(source: string): Rewritten {
  let text = '';
  const origin: number[] = [];
  let copied = 0;
  const copy = (to: number) => {
    for (let i = copied; i < to; i++) origin.push(i);
    text += source.slice(copied, to);
  };
  for (const m of source.matchAll(FIGURE)) {
    const digits = convert(m.groups!);
    if (digits === null) continue;
    copy(m.index);
    const last = m.index + m[0].length - 1;
    for (let k = 0; k < digits.length; k++) origin.push(k === digits.length - 1 ? last : m.index);
    text += digits;
    copied = m.index + m[0].length;
  }
  copy(source.length);
  return { text, origin };
}
