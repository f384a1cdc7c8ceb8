import { z } from 'zod';
import { channel, idSchema } from '../define';
import { ANNOTATION_COLORS, ANNOTATION_KINDS } from '../../domain/annotations';
import type {
  Annotation,
  AnnotationPrefs,
  TagCount,
  HistoryStep,
  HistoryState,
  DriftReport,
  AnnotationConflict,
  AnnotationImportResult,
  AnnotationExport,
} from '../../domain/annotations';

const id = idSchema;
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
  'annotations:list': channel(() =>
    z.object({ documentId: id.optional(), status: z.enum(['anchored', 'orphaned']).optional() }).strict(),
  )<Annotation[]>(),
  'annotations:create': channel(() =>
    z.object({ passageId: id, start: offset, end: offset, ...editable }).strict(),
  )<Annotation>(),
  /** Changes only the fields given; `start`/`end` move the range within the same passage. */
  'annotations:update': channel(() =>
    z.object({ id, start: offset.optional(), end: offset.optional(), ...editable }).strict(),
  )<Annotation>(),
  'annotations:delete': channel(() => z.object({ id }).strict())<{ id: string }>(),
  /** Undo/redo the last annotation action in one document; null when there is nothing to do. */
  'annotations:undo': channel(() => z.object({ documentId: id }).strict())<HistoryStep | null>(),
  'annotations:redo': channel(() => z.object({ documentId: id }).strict())<HistoryStep | null>(),
  'annotations:history': channel(() => z.object({ documentId: id }).strict())<HistoryState>(),
  'annotations:prefs': channel(() => z.object({}).strict())<AnnotationPrefs>(),
  'annotations:set-color-label': channel(() =>
    z.object({ color, label: z.string().trim().min(1).max(20) }).strict(),
  )<AnnotationPrefs>(),
  'annotations:set-author': channel(() =>
    z.object({ author: z.string().trim().min(1).max(60) }).strict(),
  )<AnnotationPrefs>(),
  'annotations:tags': channel(() => z.object({ documentId: id.optional() }).strict())<TagCount[]>(),
  /** The drift report of the document's latest replace, or null if it never was replaced. */
  'annotations:drift': channel(() => z.object({ documentId: id }).strict())<DriftReport | null>(),
  'annotations:export': channel(() =>
    z.object({ documentId: id.optional(), format: z.enum(['w3c', 'md']) }).strict(),
  )<AnnotationExport>(),
  /** Imports W3C Web Annotation JSON-LD text (as exported by `annotations:export`). */
  'annotations:import': channel(() =>
    z.object({ text: z.string().min(1).max(IMPORT_LIMIT) }).strict(),
  )<AnnotationImportResult>(),
  'annotations:conflicts': channel(() => z.object({ documentId: id.optional() }).strict())<
    AnnotationConflict[]
  >(),
  'annotations:resolve': channel(() =>
    z.object({ id, keep: z.enum(['local', 'incoming']) }).strict(),
  )<Annotation>(),
};
