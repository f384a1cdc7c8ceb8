import { z } from 'zod';
import { channel } from '../define';

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
}

export interface AnnotationExport {
  filename: string;
  mime: 'application/ld+json' | 'text/markdown';
  text: string;
  count: number;
}

const id = z.string().min(1).max(200);
const color = z.enum(ANNOTATION_COLORS);
const kind = z.enum(ANNOTATION_KINDS);
const offset = z.number().int().min(0).max(10_000_000);
export const noteSchema = z.string().max(20_000);
export const tagSchema = z.string().trim().min(1).max(40);
const tags = z.array(tagSchema).max(50);
/** What a user edits on an annotation, each optional. */
const editable = {
  kind: kind.optional(),
  color: color.optional(),
  note: noteSchema.optional(),
  tags: tags.optional(),
};
/** A colleague's export of a whole library stays well under this. */
const IMPORT_LIMIT = 30_000_000;

export const annotationChannels = {
  /** A document's annotations (anchored in text order, then orphans); all documents when omitted. */
  'annotations:list': channel(
    z.object({ documentId: id.optional(), status: z.enum(['anchored', 'orphaned']).optional() }).strict(),
  )<Annotation[]>(),
  'annotations:create': channel(
    z.object({ passageId: id, start: offset, end: offset, ...editable }).strict(),
  )<Annotation>(),
  /** Changes only the fields given; `start`/`end` move the range within the same passage. */
  'annotations:update': channel(
    z.object({ id, start: offset.optional(), end: offset.optional(), ...editable }).strict(),
  )<Annotation>(),
  'annotations:delete': channel(z.object({ id }).strict())<{ id: string }>(),
  /** Undo/redo the last annotation action in one document; null when there is nothing to do. */
  'annotations:undo': channel(z.object({ documentId: id }).strict())<HistoryStep | null>(),
  'annotations:redo': channel(z.object({ documentId: id }).strict())<HistoryStep | null>(),
  'annotations:history': channel(z.object({ documentId: id }).strict())<HistoryState>(),
  'annotations:prefs': channel(z.object({}).strict())<AnnotationPrefs>(),
  'annotations:set-color-label': channel(
    z.object({ color, label: z.string().trim().min(1).max(20) }).strict(),
  )<AnnotationPrefs>(),
  'annotations:set-author': channel(
    z.object({ author: z.string().trim().min(1).max(60) }).strict(),
  )<AnnotationPrefs>(),
  'annotations:tags': channel(z.object({ documentId: id.optional() }).strict())<TagCount[]>(),
  /** The drift report of the document's latest replace, or null if it never was replaced. */
  'annotations:drift': channel(z.object({ documentId: id }).strict())<DriftReport | null>(),
  'annotations:export': channel(
    z.object({ documentId: id.optional(), format: z.enum(['w3c', 'md']) }).strict(),
  )<AnnotationExport>(),
  /** Imports W3C Web Annotation JSON-LD text (as exported by `annotations:export`). */
  'annotations:import': channel(
    z.object({ text: z.string().min(1).max(IMPORT_LIMIT) }).strict(),
  )<AnnotationImportResult>(),
  'annotations:conflicts': channel(z.object({ documentId: id.optional() }).strict())<AnnotationConflict[]>(),
  'annotations:resolve': channel(
    z.object({ id, keep: z.enum(['local', 'incoming']) }).strict(),
  )<Annotation>(),
};
