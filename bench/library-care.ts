/**
 * Rows for library care: on a copy of each tier's library, the time to open it (with its
 * integrity check), back it up, list the backups (each read and checked), restore under an open
 * core, and delete the largest document and undo that. Run from bench/run.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupNow, restoreLibrary } from '../electron/main/backups/backup-service';
import { createCore } from '../electron/main/core/app-core';
import { deleteWithUndo, undoDelete } from '../electron/main/documents/document-care';
import { backupPathOf, listBackups } from '../electron/main/store/backups';
import { scratchCopy, tierDatabase, type Tier } from './tiers';

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);

async function timed<T>(work: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

export async function libraryCareBench(tiers: Tier[]): Promise<string> {
  const header = [
    'tier',
    'library',
    'open + quick_check',
    'backup',
    'list backups',
    'restore (open core)',
    'delete largest doc',
    'undo delete',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const tier of tiers) {
    const file = scratchCopy(await tierDatabase(tier), 'care');
    const bytes = fs.statSync(file).size;
    const [core, openMs] = await timed(() => createCore({ databasePath: file }));
    const [backup, backupMs] = await timed(() => backupNow(core.ctx));
    const [, listMs] = await timed(() => listBackups(file));
    const [, restoreMs] = await timed(() => restoreLibrary(core.ctx, backupPathOf(file, backup.id)!));
    const largest = core.ctx.db
      .prepare(`SELECT document_id FROM passages GROUP BY document_id ORDER BY count(*) DESC LIMIT 1`)
      .pluck()
      .get() as string;
    const [deleted, deleteMs] = await timed(() => deleteWithUndo(core.ctx, largest, 'orphan'));
    const [, undoMs] = await timed(() => undoDelete(core.ctx, deleted.undoId));
    core.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    lines.push(
      `| ${[tier, `${(bytes / 1048576).toFixed(1)} MB`, ms(openMs), ms(backupMs), ms(listMs), ms(restoreMs), ms(deleteMs), ms(undoMs)].join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
