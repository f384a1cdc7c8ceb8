import { z } from 'zod';
import { ANNOTATION_COLORS } from '../../domain/annotations';
import type { PrintPreview, PrintSaveResult } from '../../domain/print';
import { channel, idSchema } from '../define';
import { tagSchema } from './annotations';

const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document') }).strict(),
  z.object({ kind: z.literal('section'), sectionId: idSchema }).strict(),
  z.object({ kind: z.literal('annotated') }).strict(),
  z.object({ kind: z.literal('tag'), tag: tagSchema }).strict(),
  z.object({ kind: z.literal('color'), color: z.enum(ANNOTATION_COLORS) }).strict(),
]);
const options = z
  .object({
    layout: z.enum(['standard', 'gongwen']),
    notes: z.enum(['footnotes', 'endnotes']),
    highlightStyle: z.enum(['fill', 'underline']),
  })
  .strict();
/** Annotated excerpts of one document: which passages, and how they are laid out. */
const job = { docId: idSchema, scope, options };

export const printChannels = {
  /** Lays the job out and returns its first pages (positioned runs, drawn as SVG) and the font substitutions. */
  'print:preview': channel(() =>
    z.object({ ...job, maxPages: z.number().int().min(1).max(12).optional() }).strict(),
  )<PrintPreview>(),
  /** Main asks the user where to save (native dialog) and writes the file; the renderer never names a path. */
  'print:save': channel(() =>
    z.object({ ...job, format: z.enum(['pdf', 'docx', 'md', 'html']) }).strict(),
  )<PrintSaveResult>(),
  /** Renders the PDF and hands it to the system's print dialog; false when printing is not available or cancelled. */
  'print:print': channel(() => z.object(job).strict())<{ printed: boolean }>(),
};
