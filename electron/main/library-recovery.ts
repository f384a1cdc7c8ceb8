import { restoreClosedLibrary } from './backups/domain';
import type { Core } from './core/app-core';
import { AppError } from './kernel/app-error';
import { backupPathOf, newestGoodBackup } from './store/backups';

export interface RecoveryPrompt {
  /** Shows the message with the buttons; resolves to the index of the one chosen. */
  ask(message: string, buttons: string[]): Promise<number>;
}

/**
 * Opens the library; when it is damaged (integrity check failed, or not readable as a database)
 * and a sound backup exists, offers to restore the newest one (the damaged file is kept in the
 * backups folder) and opens again. Any other failure, or a refusal, is thrown as it was.
 */
export async function openLibraryOrRecover(
  open: () => Core,
  databasePath: string,
  nativeBinding: string | undefined,
  prompt: RecoveryPrompt,
): Promise<Core> {
  try {
    return open();
  } catch (error) {
    const code = error instanceof AppError ? error.code : '';
    if (code !== 'database_damaged' && code !== 'database_unreadable') throw error;
    const backup = newestGoodBackup(databasePath, nativeBinding);
    const source = backup && backupPathOf(databasePath, backup.id);
    if (!backup || !source) throw error;
    const when = new Date(backup.createdAt).toLocaleString('zh-CN');
    const choice = await prompt.ask(
      `${(error as AppError).localized('zh-CN')}\n\n最新的完好备份：${when}（${backup.documents} 篇文档，${backup.annotations} 条批注）。\nThe newest sound backup is from ${backup.createdAt}.`,
      ['恢复这份备份 / Restore this backup', '退出 / Quit'],
    );
    if (choice !== 0) throw error;
    restoreClosedLibrary(databasePath, source, nativeBinding);
    return open();
  }
}
