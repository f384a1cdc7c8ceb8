import { z } from 'zod';
import type { ChosenFile, ImportSummary } from '../../domain/import';
import { channel, idSchema } from '../define';

/** Most files one request may name: a folder of reports, not a disk. */
export const MAX_IMPORT_FILES = 500;
/** Longest absolute path accepted (Windows' extended paths reach 32k; real ones are far shorter). */
export const MAX_PATH_LENGTH = 4096;

const batchId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** What main issued for a chosen or dropped file (ImportTokens). */
const token = z.string().regex(/^[0-9a-f]{32}$/, 'not a file token');

export const importChannels = {
  /**
   * Registers files dropped on the window (their paths from the preload's `pathForFile`, folders
   * expanded) and returns the tokens `imports:start` takes.
   */
  'imports:register-drop': channel(() =>
    z
      .object({ paths: z.array(z.string().min(1).max(MAX_PATH_LENGTH)).min(1).max(MAX_IMPORT_FILES) })
      .strict(),
  )<ChosenFile[]>(),
  /**
   * Imports files the user chose, by the tokens `app:choose-documents` or `imports:register-drop`
   * issued: never by a path. Progress arrives as `import:progress` events carrying `batchId`,
   * which the caller may choose so it can follow its own batch before the reply.
   */
  'imports:start': channel(() =>
    z
      .object({
        tokens: z.array(token).min(1).max(MAX_IMPORT_FILES),
        /** Replace this document's content by the single file given, keeping its id. */
        replace: idSchema.optional(),
        batchId: batchId.optional(),
        /**
         * Bring every index up to date before answering, rather than in the background after: for
         * a caller whose process ends with the reply (the CLI), so the next command answers at once.
         */
        complete: z.boolean().optional(),
      })
      .strict(),
  )<ImportBatchResult>(),
  /**
   * Cancels a running batch: the file being parsed and those after it are reported skipped as
   * cancelled in the `imports:start` reply. `cancelled` is false when no such batch is running.
   */
  'imports:cancel': channel(() => z.object({ batchId }).strict())<{ cancelled: boolean }>(),
};

export interface ImportBatchResult extends ImportSummary {
  batchId: string;
}
