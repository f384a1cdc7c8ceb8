import { z } from 'zod';
import {
  DOCUMENT_LEVELS,
  EDITABLE_META_FIELDS,
  type DocumentLevel,
  type DocumentMeta,
  type EditableMetaField,
} from '../../domain/library';
import { channel, idSchema } from '../define';

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'not a calendar date');

/** The fields a user may correct; `null` empties one (title cannot be empty). */
export const metaPatchSchema = z
  .object({
    title: text(300).optional(),
    issuer: text(100).nullable().optional(),
    level: z.enum(DOCUMENT_LEVELS as [DocumentLevel, ...DocumentLevel[]]).optional(),
    region: text(100).nullable().optional(),
    year: z.number().int().min(1900).max(2200).nullable().optional(),
    date: isoDate.nullable().optional(),
  })
  .strict();

export const metadataChannels = {
  /** Sets (or with `reset`, forgets) the user's values of a document's title, issuer, level, region, year, date. */
  'documents:update-meta': channel(() =>
    z
      .object({
        id: idSchema,
        patch: metaPatchSchema,
        reset: z
          .array(z.enum(EDITABLE_META_FIELDS as [EditableMetaField, ...EditableMetaField[]]))
          .max(EDITABLE_META_FIELDS.length)
          .optional(),
      })
      .strict(),
  )<DocumentMetaEdit>(),
  /** A document's metadata and which fields the user set. */
  'documents:meta': channel(() => z.object({ id: idSchema }).strict())<DocumentMetaEdit>(),
};

export interface DocumentMetaEdit {
  meta: DocumentMeta;
  /** Fields the user set; the others are as the importer read them. */
  userFields: EditableMetaField[];
}
