/** Annotation records shared by main, CLI and renderer (no schema code, so the renderer bundle stays small). */

/** The six palette colours; each carries a label the user gives it once (red = 量化目标 …). */
export const ANNOTATION_COLORS = ['yellow', 'red', 'green', 'blue', 'purple', 'grey'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];
/** highlight = coloured fill, underline = coloured line, note = a marker only (the note is the point). */
export const ANNOTATION_KINDS = ['highlight', 'underline', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
export type AnnotationStatus = 'anchored' | 'orphaned';

/** Where an annotation sits: passage, range and the quote with its context. */
export interface AnchorContext {
  passageId: string | null;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * One annotation. The target keeps both W3C selectors together: the position (`start`/`end`, UTF-16
 * indexes into `Passage.text`) and the quote (`quote` with ~32 characters of `prefix`/`suffix`).
 * An orphan has `passageId` null and keeps the last position and quote it had.
 */
export interface Annotation extends AnchorContext {
  id: string;
  documentId: string;
  kind: AnnotationKind;
  color: AnnotationColor;
  note: string;
  tags: string[];
  author: string;
  created: string;
  updated: string;
  status: AnnotationStatus;
  /** `documents.content_hash` of the edition the annotation was last anchored on. */
  editionHash: string;
}

export interface ColorLabel {
  color: AnnotationColor;
  label: string;
}

export interface AnnotationPrefs {
  colors: ColorLabel[];
  author: string;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** What a recorded action was; the UI words it (已撤销：添加批注). */
export type AnnotationAction = 'create' | 'edit' | 'delete' | 'import' | 'resolve';

/** What undo/redo did, so the UI can say it and jump to it. */
export interface HistoryStep {
  action: AnnotationAction;
  annotationIds: string[];
}

export interface HistoryState {
  /** The action Ctrl+Z would undo, or null. */
  undo: AnnotationAction | null;
  /** The action Ctrl+Shift+Z would redo, or null. */
  redo: AnnotationAction | null;
}

export type DriftOutcome = 'exact' | 'moved' | 'fuzzy' | 'orphaned';

export interface DriftItem {
  annotationId: string;
  outcome: DriftOutcome;
  before: AnchorContext;
  /** Null when the annotation could not be placed (orphaned). */
  after: AnchorContext | null;
}

/** How a replace by a revised edition moved the document's annotations. */
export interface DriftReport {
  documentId: string;
  edition: number;
  replacedAt: string;
  counts: Record<DriftOutcome, number>;
  items: DriftItem[];
}

/** The fields two copies of an annotation can disagree on. */
export interface AnnotationContent {
  kind: AnnotationKind;
  color: AnnotationColor;
  note: string;
  tags: string[];
  author: string;
  updated: string;
}

export interface AnnotationConflict {
  id: string;
  documentId: string;
  quote: string;
  local: AnnotationContent;
  incoming: AnnotationContent;
}

export interface AnnotationImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Edits of the same annotation made on both sides; kept pending until the user chooses. */
  conflicts: AnnotationConflict[];
  /** Added or updated but not placeable in this library's edition: kept in the orphans list. */
  orphaned: number;
  /** Annotations of documents that are not in this library (nothing to attach them to). */
  skipped: number;
  /** Passage links in the same file (see links/share.ts): added, note updated, skipped. */
  linksAdded?: number;
  linksUpdated?: number;
  linksSkipped?: number;
}

export interface AnnotationExport {
  filename: string;
  mime: 'application/ld+json' | 'text/markdown';
  text: string;
  count: number;
}
