/** Briefings (简报 / 学习材料) shared by main, CLI and renderer (no schema code here). */
import type { AnnotationColor, AnnotationKind } from './annotations';

export const BRIEFING_ITEM_KINDS = ['heading', 'excerpt', 'note'] as const;
export type BriefingItemKind = (typeof BRIEFING_ITEM_KINDS)[number];
/**
 * ok: the source still reads as quoted. drifted: placed again in a revised edition, but the source
 * text there differs from the quote (the quote is kept, `sourceText` says what the source says now).
 * orphaned: no place in the source any more (replaced away or document deleted); the quote is kept.
 */
export type ExcerptStatus = 'ok' | 'drifted' | 'orphaned';
export type HeadingLevel = 1 | 2 | 3;

/** A highlight or note of an annotation inside an excerpt, as UTF-16 indexes into the excerpt's text. */
export interface BriefingMark {
  annotationId: string;
  start: number;
  end: number;
  kind: AnnotationKind;
  color: AnnotationColor;
  note: string;
  tags: string[];
}

export interface BriefingItem {
  id: string;
  kind: BriefingItemKind;
  /** Heading level 1–3 (一、 / （一） / deeper); 1 for excerpts and notes. */
  level: HeadingLevel;
  /** Heading text, the user's commentary, or the excerpt's quote as it was added. */
  text: string;
  /** Excerpts only (null otherwise): the source and where in it. */
  documentId: string | null;
  passageId: string | null;
  start: number | null;
  end: number | null;
  /** `《…》三（二）第2段`; kept when the source goes. '' for headings and notes. */
  citation: string;
  status: ExcerptStatus | null;
  /** What the source reads at the excerpt's place now, when it differs from `text` (drifted). */
  sourceText: string | null;
  marks: BriefingMark[];
}

export interface Briefing {
  id: string;
  title: string;
  /** Audience or meeting line (`供党组理论学习中心组学习参考`), '' for none. */
  audience: string;
  /** ISO `YYYY-MM-DD`. */
  date: string;
  created: string;
  updated: string;
  items: BriefingItem[];
}

export interface BriefingSummary {
  id: string;
  title: string;
  audience: string;
  date: string;
  updated: string;
  itemCount: number;
  /** Excerpts needing a look (drifted or orphaned). */
  flagged: number;
}

/** What to add: an outline heading, a commentary note, or an excerpt of a passage or an annotation. */
export type BriefingAddition =
  | { kind: 'heading'; text: string; level?: HeadingLevel }
  | { kind: 'note'; text: string }
  | { kind: 'excerpt'; passageId: string; start?: number; end?: number }
  | { kind: 'excerpt'; annotationId: string };

export type BriefingAction = 'edit' | 'add' | 'remove' | 'move';

export interface BriefingHistoryState {
  undo: BriefingAction | null;
  redo: BriefingAction | null;
}
