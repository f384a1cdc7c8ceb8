import {
  backupNow,
  backupPolicy,
  backupToFile,
  resolveBackupSource,
  restoreLibrary,
  setBackupPolicy,
} from './backup-service';
import { compactLibrary } from './compact-service';
import type { CoreContext } from '../kernel/context';
import { backupsDir, listBackups } from '../store/backups';
import type { Handlers } from '../kernel/api';
import type { Domain } from '../kernel/domain';

type BackupChannel =
  | 'backups:list'
  | 'backups:create'
  | 'backups:restore'
  | 'backups:set-policy'
  | 'backups:compact'
  | 'backups:create-file'
  | 'backups:restore-from';

/**
 * Backups and restore. What the shell (rolling backups, recovery of a library that will not open)
 * and the CLI (restore with no core open) run beyond the channels is exported here by name.
 */
export const backupsDomain: Domain<BackupChannel> = {
  name: 'backups',
  handlers: backupHandlers,
};

export { resolveBackupSource, restoreClosedLibrary, startRollingBackups } from './backup-service';

/** Backups by id only: the renderer never names a file (resolveBackupSource refuses paths here). */
function backupHandlers(ctx: CoreContext): Pick<Handlers, BackupChannel> {
  return {
    'backups:list': () => ({
      backups: listBackups(ctx.databasePath, ctx.nativeBinding),
      policy: backupPolicy(ctx),
      folder: backupsDir(ctx.databasePath),
      readOnly: ctx.db.readonly,
    }),
    'backups:create': () => backupNow(ctx, 'manual'),
    'backups:restore': ({ id }) => restoreLibrary(ctx, resolveBackupSource(ctx.databasePath, id, false)),
    'backups:set-policy': (policy) => setBackupPolicy(ctx, policy),
    'backups:compact': () => compactLibrary(ctx),
    // Local channels (the CLI): a file the user named on the command line.
    'backups:create-file': ({ out }) => backupToFile(ctx, out),
    'backups:restore-from': ({ source }) =>
      restoreLibrary(ctx, resolveBackupSource(ctx.databasePath, source, true)),
  };
}
