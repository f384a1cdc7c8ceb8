import type { MeasureStatus } from '../../../../shared/domain/library';
import { readingText } from './number-text';

/** One figure read from a sentence: `地区生产总值比增8.0%以上`. */
export interface Indicator {
  title: string;
  indicator: string;
  value: number;
  unit: string;
  change: string | null;
  qualifier: string | null;
  period: string | null;
  status: MeasureStatus | null;
}

/** What the surrounding document says about a passage's figures when its sentences do not. */
export interface IndicatorContext {
  /** Year (or span) the enclosing part is about: `2020` for `一、2020年和“十三五”工作回顾`. */
  period: string | null;
  /** actual in a review part, target in a plan part, null elsewhere. */
  status: MeasureStatus | null;
  reportYear: number | null;
}

const CHANGE =
  '同比增长|同比下降|同比提高|同比减少|比上年增长|比上年下降|年均增长|年均下降|平均增长|比增|增长|增加|下降|减少|提高|降低|上涨|回落|下滑';
const UNIT =
  '个百分点|万亿元|亿美元|亿元|万元|美元|元|万人次|万人|人次|人|万户|户|万亿斤|亿斤|万斤|斤|亿吨|万吨|吨|万千瓦|千瓦|万亩|亩|万平方米|平方米|平方公里|公里|%|‰|倍';
const FIGURE = new RegExp(
  // Optional spaces: scraped texts space out figures (`7 4 7 7 2 亿元`, `1 1 ％`).
  `(?<change>${CHANGE})?(?<to>至|到)?(?<verb>控制在|保持在|稳定在|达到|达|突破|超过|为)?(?<pre>约|近|超)? ?` +
    `(?<num>-?\\d+(?:\\.\\d+)?) ?(?<unit>${UNIT}) ?(?<post>左右|以上|以内|以下|之内)?`,
  'g',
);
/** Names that are indicators in their own right, so a level with no change word still counts. */
const INDICATOR_NAME =
  /(总值|增加值|收入|支出|总额|销售额|零售额|投资|外资|利润|产量|产值|税收|失业率|增长率|比重|价格|指数|人口|就业|出口|进口|进出口|营收|存款|贷款|余额|能耗|赤字|赤字率|消费|涨幅|增幅|增速|率)$/;
const NAME_PREFIX =
  /^(?:\d{4} ?年(?:底|末|初)?|平均每年|每年|年均|平均|全年|预计|初步统计|初步核算|全区|全市|全省|全州|全县|全国|实现|完成|达到|其中|主要|预期目标为|目标为|力争|确保|今年|去年|累计|共|比上年|同比|分别|经济社会发展|我区|我市|我省|我县)+/;
const NAME_SUFFIX = /(?:分别|同比|比上年|从|由|约|的)+$/;
const COMPARISON = /^(同比|比|较|相比|与)/;
const TARGET_CUE = /预期目标|目标[为是]|力争|争取|控制在|以内/;
const YEAR_SPAN = /(\d{4})\s*年?\s*(?:至|到|—|-|－|~)\s*(\d{4})\s*年/g;
const YEAR = /(\d{4})\s*年/g;

/**
 * Indicators of one passage. A figure counts when it carries a change word (`增长5.0%`) or its
 * name is an indicator by itself (`地区生产总值1360亿元`); a figure with no name of its own takes
 * the name before it in the sentence (`地区生产总值1360亿元、增长5.0%左右`).
 */
export function extractIndicators(passage: string, ctx: IndicatorContext): Indicator[] {
  const { text, origin } = readingText(passage);
  const out: Indicator[] = [];
  const asWritten = (from: number, to: number) => passage.slice(origin[from], origin[to - 1]! + 1);
  const opening = /^(\d{4})\s*年/.exec(text)?.[1];
  const passagePeriod = opening && plausible(opening) ? opening : null;
  for (const sentence of spans(text, /[。！？!?]/g)) {
    const s = text.slice(sentence.start, sentence.end);
    const status = statusOf(s, ctx);
    let lastName: string | null = null;
    for (const clause of spans(s, /[，,：:；;]|(?<=[\d%‰元人户吨亩米倍点])、/g)) {
      const c = s.slice(clause.start, clause.end);
      const figures = [...c.matchAll(FIGURE)];
      if (!figures.length) continue;
      // `从778.1亿元增长至约1360亿元`: the level reached, not the one left behind.
      const picked = /从|由/.test(c) && figures.some((f) => f.groups!.to) ? [figures.at(-1)!] : [figures[0]!];
      const before = c.slice(0, figures[0]!.index);
      // `同比“十二五”分别增长59.3%` compares several figures at once: no single name to give it.
      if (COMPARISON.test(before) && /分别/.test(before)) {
        lastName = null;
        continue;
      }
      for (const f of picked) {
        const g = f.groups!;
        const name: string | null = (COMPARISON.test(before) ? null : nameFrom(before)) ?? lastName;
        const change = g.to ? null : (g.change ?? null);
        if (!name || (!change && !INDICATOR_NAME.test(name))) continue;
        lastName = name;
        const at = sentence.start + clause.start;
        out.push({
          title: asWritten(at + titleStart(c, f.index, name), at + f.index + f[0].length).trim(),
          indicator: name,
          value: Number(g.num),
          unit: g.unit!,
          change,
          qualifier: g.post ?? g.pre ?? null,
          period: periodBefore(s, clause.start) ?? passagePeriod ?? ctx.period,
          status,
        });
      }
    }
  }
  return out;
}

/** Narration before the name: `单是铁道部门的基本建设就节减了预算支出` names only `预算支出`. */
const NARRATION_CUT = /^.*[了就将已]/;

function nameFrom(before: string): string | null {
  const name = before
    .replace(NAME_SUFFIX, '')
    .replace(NARRATION_CUT, '')
    .replace(NAME_PREFIX, '')
    .replace(NAME_SUFFIX, '')
    .trim();
  if (name.length < 2 || name.length > 20 || /\d/.test(name) || !/[\u4e00-\u9fa5]/.test(name)) return null;
  return name;
}

/** Where the title starts in the clause: at the name when the clause spells it, else at the figure. */
function titleStart(clause: string, figureAt: number, name: string): number {
  const i = clause.lastIndexOf(name, figureAt);
  return i === -1 ? figureAt : i;
}

function statusOf(sentence: string, ctx: IndicatorContext): MeasureStatus | null {
  if (ctx.status) return ctx.status;
  return TARGET_CUE.test(sentence) ? 'target' : null;
}

/** The nearest year or span written before `at` in the sentence (`2015至2020年` → `2015-2020`). */
function periodBefore(text: string, at: number): string | null {
  const head = text.slice(0, at);
  let best: { index: number; period: string } | null = null;
  for (const m of head.matchAll(YEAR_SPAN))
    if (plausible(m[1]!) && plausible(m[2]!)) best = { index: m.index, period: `${m[1]}-${m[2]}` };
  for (const m of head.matchAll(YEAR)) {
    if (!plausible(m[1]!)) continue;
    const insideSpan = best && m.index >= best.index && m.index <= best.index + 12;
    if (!insideSpan && (!best || m.index > best.index)) best = { index: m.index, period: m[1]! };
  }
  return best?.period ?? null;
}

const plausible = (y: string) => Number(y) >= 1949 && Number(y) <= 2100;

function spans(text: string, separator: RegExp): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(separator)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}
