import { z } from 'zod';
import { channel } from '../define';
import type { ChosenFile } from '../../domain/import';
import type { RestoreReply } from './backups';
import { MAX_PATH_LENGTH } from './imports';

/** Most files one `yandu import` may register (a library's worth of reports; the window: 500). */
export const MAX_LOCAL_IMPORT_FILES = 5000;

/** An absolute path (POSIX, drive letter or UNC): the core never resolves one against its own folder. */
const absolutePath = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'not an absolute path');

/**
 * Channels only a local caller may use (the CLI, scripts): they name files on this machine, which
 * the renderer never does. `core.call` answers them; IPC dispatch refuses them as unknown channels.
 */
export const localChannels = {
  /** A backup where the user says, never over an existing file. */
  'backups:create-file': channel(() => z.object({ out: absolutePath }).strict())<{
    file: string;
    bytes: number;
  }>(),
  /**
   * Files and folders named on the command line, registered for `imports:start` (folders
   * expanded), up to MAX_LOCAL_IMPORT_FILES files, which the CLI imports in batches.
   */
  'imports:register-local': channel(() =>
    z.object({ paths: z.array(absolutePath).min(1).max(1000) }).strict(),
  )<ChosenFile[]>(),
  /** Restores from a listed backup's id or from a backup file (the current library is backed up first). */
  'backups:restore-from': channel(() =>
    z
      .object({ source: z.union([z.string().regex(/^[^/\\]{1,200}$/, 'not a backup id'), absolutePath]) })
      .strict(),
  )<RestoreReply>(),
};
