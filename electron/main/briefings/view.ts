import type { Briefing, BriefingItem, BriefingMark } from '../../../shared/domain/briefings';
import type { Db } from '../store/database';
import { annotationsOverlapping, type BriefingState, type StoredItem } from './repository';

/** Highlights and notes of the annotations inside `[start, end)`, relative to the excerpt. */
export function liveMarks(db: Db, passageId: string, start: number, end: number): BriefingMark[] {
  return annotationsOverlapping(db, passageId, start, end).map((a) => ({
    annotationId: a.id,
    start: Math.max(a.start, start) - start,
    end: Math.min(a.end, end) - start,
    kind: a.kind,
    color: a.color,
    note: a.note,
    tags: a.tags ? (JSON.parse(a.tags) as string[]) : [],
  }));
}

/** The briefing as shown and printed: live marks while the source reads as quoted, else the last seen. */
export function publicBriefing(db: Db, { briefing, items }: BriefingState): Briefing {
  return { ...briefing, items: items.map((item) => publicItem(db, item)) };
}

function publicItem(db: Db, item: StoredItem): BriefingItem {
  const live = item.status === 'ok' && item.passageId !== null;
  return {
    id: item.id,
    kind: item.kind,
    level: item.level,
    text: item.text,
    documentId: item.documentId,
    passageId: item.passageId,
    start: item.start,
    end: item.end,
    citation: item.citation,
    status: item.status,
    sourceText: item.status === 'drifted' ? item.exact : null,
    marks: live ? liveMarks(db, item.passageId!, item.start!, item.end!) : item.marks,
  };
}
