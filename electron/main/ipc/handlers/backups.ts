import {
  backupNow,
  backupPolicy,
  resolveBackupSource,
  restoreLibrary,
  setBackupPolicy,
} from '../../backups/backup-service';
import type { Core } from '../../core/app-core';
import { backupsDir, listBackups } from '../../store/backups';
import type { Handlers } from '../dispatch';

type BackupHandlers = Pick<
  Handlers,
  'backups:list' | 'backups:create' | 'backups:restore' | 'backups:set-policy'
>;

/** Backups by id only: the renderer never names a file (resolveBackupSource refuses paths here). */
export function backupHandlers(core: Core): BackupHandlers {
  const { ctx } = core;
  return {
    'backups:list': () => ({
      backups: listBackups(ctx.databasePath, ctx.nativeBinding),
      policy: backupPolicy(ctx),
      folder: backupsDir(ctx.databasePath),
      readOnly: ctx.db.readonly,
    }),
    'backups:create': () => backupNow(ctx, 'manual'),
    'backups:restore': ({ id }) => restoreLibrary(core, resolveBackupSource(ctx.databasePath, id, false)),
    'backups:set-policy': (policy) => setBackupPolicy(ctx, policy),
  };
}
