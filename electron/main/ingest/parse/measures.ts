import type { MeasureStatus } from '../../../../shared/domain/library';
import type { ParsedMeasure, ParsedPassage, ParsedSection } from '../parsed-document';
import { extractIndicators, type IndicatorContext } from './indicators';
import { readingText } from './number-text';

/** The part of a report that lays out the coming year's work: its lead-phrase paragraphs are tasks. */
const WORK_PLAN = /(工作)?(建议|安排|任务|部署)|重点工作|工作重点|主要工作/;
const REVIEW = /回顾|过去|成绩|工作总结|执行情况|决算/;
/** Five-year plans and long-range goals: targets, but not this year's tasks. */
const MULTI_YEAR = /[十]?[一二三四五六七八九]五|五年|远景|规划纲要/;
const OUTLOOK = /目标|规划|计划|展望|总体要求|政策取向|主要任务|预算/;

export type PartKind = 'review' | 'plan' | 'outlook' | null;

export function partKind(title: string, reportYear: number | null = null): PartKind {
  if (REVIEW.test(title)) return 'review';
  if (MULTI_YEAR.test(title)) return 'outlook';
  if (
    WORK_PLAN.test(title) ||
    /今年/.test(title) ||
    (reportYear !== null && title.includes(`${reportYear}年`))
  )
    return 'plan';
  if (OUTLOOK.test(title)) return 'outlook';
  return null;
}

/**
 * Kinds of all parts in order. A part that opens on the coming year (`2026年是“十五五”开局之年…`)
 * is its plan whatever its title, one that opens on the year past is a review when its title does
 * not say otherwise; a part that says nothing about itself after the year's plan
 * continues it (the 2020 report spreads its work over parts 三 to 八 under `二、…工作总体部署`).
 */
function partKinds(
  sections: ParsedSection[],
  openings: Map<ParsedSection, string>,
  reportYear: number | null,
): Map<ParsedSection, PartKind> {
  const kinds = new Map<ParsedSection, PartKind>();
  const yearAhead = new RegExp(`^(今年|${reportYear ?? '\\d{4}'}年是)`);
  // `2025年是“十四五”收官之年。一年来…` under a title that says nothing (福建 2026): a review.
  const yearPast = new RegExp(
    `^(过去的?一年|刚刚过去的|一年来|过去五年|五年来${reportYear ? `|${reportYear - 1}年[是，,]` : ''})`,
  );
  let previous: PartKind = null;
  for (const s of sections) {
    if (s.parentIndex !== null) continue;
    const own = partKind(s.title, reportYear);
    const opening = openings.get(s) ?? '';
    const opensOnYear = own !== 'review' && reportYear !== null && yearAhead.test(opening);
    // Reviews come before the plan: after it, a look back (1998's 外交 part) is still the plan's.
    const opensOnPast: boolean = own === null && previous !== 'plan' && yearPast.test(opening);
    const kind: PartKind = opensOnYear
      ? 'plan'
      : opensOnPast
        ? 'review'
        : (own ?? (previous === 'plan' ? 'plan' : null));
    kinds.set(s, kind);
    previous = kind;
  }
  return kinds;
}

/** The level-1 part a passage belongs to, walking up from its innermost section. */
function partOf(sections: ParsedSection[], index: number | null): ParsedSection | null {
  let s = index === null ? null : sections[index];
  while (s && s.parentIndex !== null) s = sections[s.parentIndex];
  return s ?? null;
}

/**
 * Tasks (each lead-phrase paragraph of the work-plan part) and indicators (figures of every body
 * passage), in passage order.
 */
export function extractMeasures(
  passages: ParsedPassage[],
  sections: ParsedSection[],
  reportYear: number | null,
): ParsedMeasure[] {
  const measures: ParsedMeasure[] = [];
  const openings = new Map<ParsedSection, string>();
  for (const p of passages) {
    const part = partOf(sections, p.sectionIndex);
    if (part && !openings.has(part)) openings.set(part, p.text);
  }
  const kinds = partKinds(sections, openings, reportYear);
  passages.forEach((p, passageIndex) => {
    if (p.kind !== 'body') return;
    const part = partOf(sections, p.sectionIndex);
    const kind = part ? (kinds.get(part) ?? null) : null;
    if (kind === 'plan' && p.lead) {
      measures.push({
        passageIndex,
        kind: 'task',
        title: p.lead,
        indicator: null,
        value: null,
        unit: null,
        change: null,
        qualifier: null,
        period: reportYear === null ? null : String(reportYear),
        status: null,
      });
    }
    for (const ind of extractIndicators(p.text, contextOf(part?.title ?? null, kind, reportYear))) {
      measures.push({ passageIndex, kind: 'indicator', ...ind });
    }
  });
  return measures;
}

function contextOf(partTitle: string | null, kind: PartKind, reportYear: number | null): IndicatorContext {
  const yearInTitle = partTitle ? /(\d{4})\s*年/.exec(readingText(partTitle).text)?.[1] : undefined;
  const status: MeasureStatus | null = kind === 'review' ? 'actual' : kind === null ? null : 'target';
  const fallback =
    reportYear === null
      ? null
      : kind === 'review'
        ? String(reportYear - 1)
        : kind === 'plan'
          ? String(reportYear)
          : null;
  return { period: yearInTitle ?? fallback, status, reportYear };
}
