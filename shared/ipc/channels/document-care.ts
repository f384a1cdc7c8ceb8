import { z } from 'zod';
import type { AnnotationExport } from '../../domain/annotations';
import type { DeletedDocument } from '../../domain/document-care';
import { channel, idSchema } from '../define';

export const documentCareChannels = {
  /**
   * Deletes a document. `keep: 'orphan'` keeps its annotations (and links, briefing excerpts) in
   * the library as orphans; `keep: 'export'` returns the annotation export for the user to save
   * and lets them go with the document. Undoable with `documents:undo-delete` until the app closes.
   */
  'documents:delete': channel(() => z.object({ id: idSchema, keep: z.enum(['orphan', 'export']) }).strict())<
    DeletedDocument & { export: AnnotationExport | null }
  >(),
  'documents:undo-delete': channel(() => z.object({ undoId: idSchema }).strict())<{ id: string }>(),
};
