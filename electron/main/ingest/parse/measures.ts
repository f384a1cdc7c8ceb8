import type { MeasureStatus } from '../../../../shared/domain/library';
import type { ParsedMeasure, ParsedPassage, ParsedSection } from '../parsed-document';
import { extractIndicators, type IndicatorContext } from './indicators';
import { readingText } from './number-text';

/** The part of a report that lays out the coming year's work: its lead-phrase paragraphs are tasks. */
const WORK_PLAN = /(工作)?(建议|安排|任务|部署)|重点工作|工作重点/;
const REVIEW = /回顾|过去|成绩|工作总结|执行情况|决算/;
const OUTLOOK = /目标|规划|计划|展望|总体要求|政策取向|主要任务|预算/;

export function partKind(title: string): 'review' | 'plan' | 'outlook' | null {
  if (REVIEW.test(title)) return 'review';
  if (WORK_PLAN.test(title)) return 'plan';
  if (OUTLOOK.test(title)) return 'outlook';
  return null;
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
  passages.forEach((p, passageIndex) => {
    if (p.kind !== 'body') return;
    const part = partOf(sections, p.sectionIndex);
    const kind = part ? partKind(part.title) : null;
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

function contextOf(
  partTitle: string | null,
  kind: ReturnType<typeof partKind>,
  reportYear: number | null,
): IndicatorContext {
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
