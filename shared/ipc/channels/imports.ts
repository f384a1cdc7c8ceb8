import { z } from 'zod';
import type { ImportSummary } from '../../domain/import';
import { channel, idSchema } from '../define';

/** Most files one request may name: a folder of reports, not a disk. */
export const MAX_IMPORT_FILES = 500;
/** Longest absolute path accepted (Windows' extended paths reach 32k; real ones are far shorter). */
export const MAX_PATH_LENGTH = 4096;

const batchId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const importChannels = {
  /**
   * Imports files given by absolute path (from the file dialog or dropped files through the
   * preload's `pathForFile`). Progress arrives as `import:progress` events carrying `batchId`,
   * which the caller may choose so it can follow its own batch before the reply.
   */
  'imports:start': channel(
    z
      .object({
        files: z.array(z.string().min(1).max(MAX_PATH_LENGTH)).min(1).max(MAX_IMPORT_FILES),
        /** Replace this document's content by the single file given, keeping its id. */
        replace: idSchema.optional(),
        batchId: batchId.optional(),
      })
      .strict(),
  )<ImportBatchResult>(),
  /**
   * Cancels a running batch: the file being parsed and those after it are reported skipped as
   * cancelled in the `imports:start` reply. `cancelled` is false when no such batch is running.
   */
  'imports:cancel': channel(z.object({ batchId }).strict())<{ cancelled: boolean }>(),
};

export interface ImportBatchResult extends ImportSummary {
  batchId: string;
}
