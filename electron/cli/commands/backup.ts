import fs from 'node:fs';
import path from 'node:path';
import type { RestoreReply } from '../../../shared/ipc/channels/backups';
import { resolveBackupSource, restoreClosedLibrary } from '../../main/backups/domain';
import { AppError } from '../../main/kernel/app-error';
import { backupPathOf, listBackups } from '../../main/store/backups';
import { UsageError, writeJson, type CliCommand, type CommandContext } from '../command';

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup [--out FILE] [--list] [--db PATH] [--json]',
  summary: 'Back up the library into its backups folder (or to FILE); --list shows the backups.',
  options: { out: { type: 'string' }, list: { type: 'boolean' } },
  async run(ctx) {
    if (ctx.args.length) throw new UsageError('takes no positional arguments');
    if (ctx.values.list) {
      const backups = listBackups(ctx.databasePath);
      if (ctx.values.json) writeJson(ctx.stdout, backups);
      else
        for (const b of backups)
          ctx.stdout.write(
            `${b.id}\t${megabytes(b.bytes)}\t${b.problem ?? `${b.documents} 篇文档\t${b.annotations} 条批注`}\n`,
          );
      return 0;
    }
    const out = ctx.values.out as string | undefined;
    const made = out
      ? await ctx.call('backups:create-file', { out: path.resolve(out) })
      : await ctx.call('backups:create', {}).then(async (b) => ({
          ...b,
          file: path.join((await ctx.call('backups:list', {})).folder, `${b.id}.db`),
        }));
    if (ctx.values.json) writeJson(ctx.stdout, made);
    else ctx.stdout.write(`已备份到 ${made.file}（${megabytes(made.bytes)}）\n`);
    return 0;
  },
};

/** What `run` answers, or null once a refusal among `codes` is told on stderr (the library unchanged). */
async function unlessRefused<T>(
  ctx: CommandContext,
  command: string,
  codes: string[],
  run: () => Promise<T>,
): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || !codes.includes(error.code)) throw error;
    ctx.stderr.write(`yandu ${command}: ${error.localized('zh-CN')}\n`);
    return null;
  }
}

export const compactCommand: CliCommand = {
  name: 'compact',
  usage: 'compact [--db PATH] [--json]',
  summary:
    'Rewrite the library compactly (8 KB pages, freed pages given back); checked before it is swapped in.',
  options: {},
  async run(ctx) {
    if (ctx.args.length) throw new UsageError('takes no positional arguments');
    ctx.stderr.write('正在压缩资料库…\n');
    const result = await unlessRefused(ctx, 'compact', COMPACT_REFUSED, () =>
      ctx.call('backups:compact', {}),
    );
    if (!result) return 1;
    if (ctx.values.json) writeJson(ctx.stdout, result);
    else
      ctx.stdout.write(
        `已压缩：${megabytes(result.bytesBefore)} → ${megabytes(result.bytesAfter)}（${result.documents} 篇文档，${result.annotations} 条批注，${result.seconds} 秒）\n`,
      );
    return 0;
  },
};

/** Refused before the swap: the library is as it was, exit 1. */
const COMPACT_REFUSED: string[] = [
  'compact_no_room',
  'compact_refused',
  'library_compacting',
  'library_in_use',
  'import_running',
];

/** A file that is not a sound library of a schema we know: refused, exit 1, library unchanged. */
const REFUSED: string[] = [
  'backup_invalid',
  'database_too_new',
  'not_found',
  'library_in_use',
  'import_running',
];

async function restoreOpenOrDamaged(ctx: CommandContext, given: string): Promise<RestoreReply> {
  try {
    ctx.core();
  } catch (error) {
    // The library that will not open is exactly the one a restore is for: no core can answer,
    // so the backups domain restores the closed file itself.
    const code = error instanceof AppError ? error.code : '';
    if (code !== 'database_damaged' && code !== 'database_unreadable') throw error;
    return restoreClosedLibrary(ctx.databasePath, resolveBackupSource(ctx.databasePath, given, true));
  }
  // A backup id as listed, else a file (named relative to where the command runs).
  const listed = backupPathOf(ctx.databasePath, given) !== undefined;
  const file = !listed && (fs.existsSync(given) || /[\\/]/.test(given));
  const source = file ? path.resolve(given) : given;
  return ctx.call('backups:restore-from', { source });
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore <FILE|backupId> [--db PATH] [--json]',
  summary: 'Replace the library by a backup (the current library is backed up first).',
  options: {},
  async run(ctx) {
    const [given] = ctx.args;
    if (!given || ctx.args.length > 1) throw new UsageError('expects one backup file or backup id');
    const result = await unlessRefused(ctx, 'restore', REFUSED, () => restoreOpenOrDamaged(ctx, given));
    if (!result) return 1;
    if (ctx.values.json) writeJson(ctx.stdout, result);
    else
      ctx.stdout.write(
        `已从 ${result.restored} 恢复：${result.documents} 篇文档，${result.annotations} 条批注` +
          (result.previous ? `；恢复前的资料库已备份为 ${result.previous}\n` : '\n'),
      );
    return 0;
  },
};
