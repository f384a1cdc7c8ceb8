import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../main/kernel/app-error';
import { UsageError, writeJson, type CliCommand } from '../command';

export const deleteCommand: CliCommand = {
  name: 'delete',
  usage: 'delete <docId> [--export FILE] [--db PATH] [--json]',
  summary:
    'Delete a document. Its annotations are kept as orphans, or with --export written to FILE (W3C) first.',
  options: { export: { type: 'string' } },
  async run(ctx) {
    const [id] = ctx.args;
    if (!id || ctx.args.length > 1) throw new UsageError('expects exactly one document id');
    const out = ctx.values.export as string | undefined;
    if (out && fs.existsSync(out)) throw new AppError('file_exists', { file: out });
    let deleted;
    try {
      deleted = await ctx.call('documents:delete', { id, keep: out ? 'export' : 'orphan' });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      ctx.stderr.write(`yandu delete: ${error.localized('zh-CN')}\n`);
      return 1;
    }
    // Written after the delete committed; the export was read before it, so it is complete.
    if (out && deleted.export) fs.writeFileSync(path.resolve(out), deleted.export.text);
    const result = {
      id: deleted.id,
      title: deleted.title,
      annotations: deleted.annotations,
      keptAsOrphans: deleted.keptAsOrphans,
      exported: out && deleted.export ? path.resolve(out) : null,
    };
    if (ctx.values.json) writeJson(ctx.stdout, result);
    else
      ctx.stdout.write(
        `已删除《${result.title}》` +
          (result.annotations
            ? result.exported
              ? `；${result.annotations} 条批注已导出到 ${result.exported}\n`
              : `；${result.annotations} 条批注作为孤立批注保留\n`
            : '\n'),
      );
    return 0;
  },
};
