import type { MeasureStatus } from '../../../../shared/domain/library';
import { readingText } from './number-text';
import { UNIT } from './units';

/** One figure read from a sentence: `地区生产总值比增8.0%以上`. */
export interface Indicator {
  title: string;
  /** Null when the figure's clause names nothing and continues no clause that does. */
  indicator: string | null;
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
  '递增|同比增长|同比下降|同比提高|同比减少|比上年增长|比上年下降|年均增长|年均下降|平均增长|比增|增长|增加|下降|减少|提高|提升(?=[至到])|上升|升(?=[至到])|降低|上涨|回落|下滑';
const FIGURE = new RegExp(
  // Optional spaces: scraped texts space out figures (`7 4 7 7 2 亿元`, `1 1 ％`). A number starts
  // where digits start: tried inside a run of digits it would rescan the run from every digit.
  `(?:(?<change>${CHANGE})了?)?(?<to>至|到)?(?<verb>控制在|保持在|稳定在|达到|达|突破|超过|为)?(?<pre>约|近|超)? ?` +
    `(?<num>(?:-|(?<!\\d))\\d+(?:\\.\\d+)?)(?<approx>多|余)? ?(?<unit>${UNIT})(?![级县]|的县) ?(?<post>左右|以上|以内|以下|之内)?`,
  'g',
);
/** Names that are indicators in their own right, so a level with no change word still counts. */
const INDICATOR_NAME =
  /(总值|增加值|收入|支出|总额|销售额|零售额|投资|外资|利润|产量|产值|税收|失业率|增长率|比重|价格|指数|人口|就业|出口|进口|进出口|营收|存款|贷款|余额|能耗|赤字|消费|涨幅|增幅|增速|标准|占比|量|率)$/;
const NAME_PREFIX =
  /^(?:（[一二三四五六七八九十]{1,3}）|\d{4} ?年(?:底|末|初)?|平均每年|每年|年均|平均|全年|预计|初步统计|初步核算|全区|全市|全省|全州|全县|全国|实现|完成|达到|其中|包括|主要|预期目标为|目标为|力争|确保|今年|去年|累计|共|比上年|同比|分别|经济社会发展|我区|我市|我省|我县|我国|但是|而且|并且|同时|而|因此|这五年|五年内|五年来|同年|的|“[^”]{1,6}”(?:时期|期间)|拟安排|拟发行|拟|安排|合计|即|保持|将|要完成|要)+/;
/**
 * Words between a name and its figure that belong to neither: `分别`, `年均`, `五年`, a comparison
 * (`比去年同期`, `较“十三五”时期`, `由上年`) and the like.
 */
const NAME_SUFFIX =
  /(?:(?:从|由|比|较|比较)\d{4}年(?:底|末)?的?|全年|比(?![重率例值达为超突保稳提])[\u4e00-\u9fa5]{2,10}|仍然|仍|又|也|还|却|只|分别|同比|比上年|(?:比|较)(?:上年|去年|上一年)(?:同期)?|较“[^”]{1,8}”(?:时期|同期|期间|末)?|由上年|从|由|约|的|(?<!人)均|年均|平均每年|平均|每年|五年来|五年|累计|实际|再|要|逆势|达到|达|为|突破|超过|拟按|按|将要|将|已经|已|预计完成|完成|预定)+$/;
const COMPARISON = /^(同比|比|较|相比|与)/;
/** A change or a number in a clause without a figure the extractor reads. */
const COUNT = new RegExp(`(?:${CHANGE})|\\d`);
const TARGET_CUE = /预期目标|目标[为是]|力争|争取|控制在|以内/;
const YEAR_SPAN = /(\d{4})\s*年?\s*(?:至|到|—|-|－|~)\s*(\d{4})\s*年/g;
const YEAR = /(\d{4})\s*年/g;
const BASE_YEAR = /(?:从|由|比|较|于)$/;
/** `、` after a figure joins figures (`1360亿元、增长5.0%`, `减少189起、下降20.1%`), not names of a list. */
const CLAUSE_BREAK = /[，,：:；;]|(?<=[\d%‰][\u4e00-\u9fa5]{0,4})、/g;

/** The subject figures of a sentence share until a clause names its own. */
interface Subject {
  name: string | null;
  change: string | null;
}

/**
 * Indicators of one passage. A figure counts when it carries a change word (`增长5.0%`) or its
 * name is an indicator by itself (`地区生产总值1360亿元`).
 *
 * A figure is named from its own clause. A clause with no subject of its own (`，增长5.2%`,
 * `、5.7%`, `，比上年增长6.1%`) continues the one before it, as Chinese leaves a shared subject
 * unsaid; a clause that has words of its own but no name that reads as one
 * (`城镇新增就业1200万人` misread) never borrows the previous name: its figure is recorded with
 * indicator null when a change word shows it is one, else left out.
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
    let previous: Subject | null = null;
    for (const clause of spans(s, CLAUSE_BREAK)) {
      const c = s.slice(clause.start, clause.end);
      const figures = [...c.matchAll(FIGURE)];
      if (!figures.length) {
        // `“城中村”黄赌警情同比减少189起、下降20.1%`: a count in no unit still sets the subject.
        const counted = COUNT.exec(c);
        if (counted && !subjectless(c.slice(0, counted.index)))
          previous = nameFrom(c.slice(0, counted.index));
        continue;
      }
      // `从778.1亿元增长至约1360亿元`, `从2020年的51%提升到2025年的70%`: the level reached.
      const picked = /从|由/.test(c) && /[至到]/.test(c) ? figures.at(-1)! : figures[0]!;
      const before = c.slice(0, figures[0]!.index);
      // `同比“十二五”分别增长59.3%` compares several figures at once: no single name to give it.
      if (COMPARISON.test(before) && /分别/.test(before)) {
        previous = null;
        continue;
      }
      const g = picked.groups!;
      const own = COMPARISON.test(before) ? null : nameFrom(before);
      // An unnamed figure with words after it counts something (`确保16公里自来水主管网复线`).
      const ends = !/[\u4e00-\u9fa5]/.test(c.slice(picked.index + picked[0].length).replace(/^[多余]/, ''));
      const subject: Subject | null = own
        ? aspectOf(own, previous)
        : subjectless(before) && ends
          ? previous
          : null;
      // A bare `、5.7%` after `分别增长4.5%` is a growth rate too.
      const listed = s[clause.start - 1] === '、' && !before.trim() && !g.verb && !g.pre;
      const change = g.to ? null : (g.change ?? (listed ? (previous?.change ?? null) : null));
      const name: string | null = subject?.name ?? null;
      previous = { name, change };
      // A share, rate or size of a subject (`占预算数的96.99%`) is a figure in its own right.
      const named = !!name && (INDICATOR_NAME.test(name) || ASPECT.test(own?.name ?? ''));
      if (!change && !named) continue;
      const at = sentence.start + clause.start;
      out.push({
        title: asWritten(
          at + titleStart(c, picked.index, [name, own?.name ?? null]),
          at + picked.index + picked[0].length,
        ).trim(),
        indicator: name,
        value: Number(g.num),
        unit: g.unit!,
        change,
        qualifier: g.post ?? g.pre ?? g.approx ?? null,
        period: periodBefore(s, clause.start + picked.index) ?? passagePeriod ?? ctx.period,
        status,
      });
    }
  }
  return out;
}

/**
 * Narration before the name: `单是铁道部门的基本建设就节减了预算支出` names only `预算支出`.
 * (将 and 已 come after the name: `劳动生产率将比上年提高`, so they are cut as suffixes.)
 */
const NARRATION_CUT = /^.*(?:了|就(?!业))/;

/** Digits that belong to a name: `（PM2.5）`, `M2`, `5G`. Any other digit means a figure crept in. */
const DIGITS_OF_NAME = /（[^）]*）|\([^)]*\)|[A-Za-z]+\d[\w.]*|\d+[A-Za-z]+/g;

function nameFrom(before: string): Subject | null {
  const name = clean(before.replace(NARRATION_CUT, ''));
  // A list of names (`城市低保、农村低保标准`) runs longer than one name.
  const longest = /[、和及]/.test(name) ? 40 : 24;
  if (name.length < 2 || name.length > longest || !/[\u4e00-\u9fa5]/.test(name)) return null;
  if (/\d/.test(name.replace(DIGITS_OF_NAME, ''))) return null;
  return { name, change: null };
}

/**
 * Words longer than this are never a name and are not cleaned: the suffix patterns, tried at every
 * position of a long run of linking words (`的的的…`), would take quadratic time.
 */
const MAX_NAME_WORDS = 200;

const clean = (words: string) =>
  words.length > MAX_NAME_WORDS
    ? words
    : words
        .replace(/、$/, '')
        .replace(NAME_SUFFIX, '')
        .replace(NAME_PREFIX, '')
        .replace(NAME_SUFFIX, '')
        .trim();

/** True when the words before a figure are only linking words: the clause has no subject of its own. */
function subjectless(before: string): boolean {
  // `，比上年年初预算增加1800亿元`: a comparison goes on about the subject before it.
  if (COMPARISON.test(before)) return true;
  const rest = clean(before);
  return !/[\u4e00-\u9fa5A-Za-z]/.test(rest);
}

/** Names that only say which aspect of the subject before them a figure gives. */
const ASPECT = /^(?:占.{1,10}|增速|增幅|涨幅|比重|占比|规模)$/;

/**
 * `经济建设费支出…元，占本年支出的46.89%`, `经济总量…，年均增速5.7%`, `转移支付…、规模达9.8万亿元`:
 * the share, rate or size of the subject before, named after it.
 */
function aspectOf(own: Subject, previous: Subject | null): Subject {
  if (!previous?.name || !own.name || !ASPECT.test(own.name)) return own;
  return { name: `${previous.name}${own.name}`, change: null };
}

/**
 * Where the title starts in the clause: at the name when the clause spells it (or its own part of
 * it: `占本年支出的46.89%`), else at the figure.
 */
function titleStart(clause: string, figureAt: number, names: (string | null)[]): number {
  for (const name of names) {
    const i = name === null ? -1 : clause.lastIndexOf(name, figureAt);
    if (i !== -1) return i;
  }
  return figureAt;
}

function statusOf(sentence: string, ctx: IndicatorContext): MeasureStatus | null {
  if (ctx.status) return ctx.status;
  return TARGET_CUE.test(sentence) ? 'target' : null;
}

/**
 * How far back a figure's year is looked for. Real sentences are far shorter; the bound keeps a
 * sentence of a million characters with a figure every few words linear to read.
 */
const PERIOD_LOOKBACK = 2000;

/** The nearest year or span written before `at` in the sentence (`2015至2020年` → `2015-2020`). */
function periodBefore(text: string, at: number): string | null {
  const head = text.slice(Math.max(0, at - PERIOD_LOOKBACK), at);
  let best: { index: number; period: string } | null = null;
  for (const m of head.matchAll(YEAR_SPAN))
    if (plausible(m[1]!) && plausible(m[2]!)) best = { index: m.index, period: `${m[1]}-${m[2]}` };
  for (const m of head.matchAll(YEAR)) {
    // `从2015年的550元`, `比2019年`: where a change starts from, not the year it is for.
    if (!plausible(m[1]!) || BASE_YEAR.test(head.slice(Math.max(0, m.index - 2), m.index))) continue;
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
