import { AppError } from '../../main/kernel/app-error';
import { UsageError, writeJson, type CliCommand } from '../command';

const LINES_PER_WRITE = 1000;

export const listCommand: CliCommand = {
  name: 'list',
  usage: 'list [--db PATH] [--json]',
  summary: 'List the documents in the library.',
  options: {},
  async run(ctx) {
    const docs = await ctx.call('documents:list', {});
    if (ctx.values.json) {
      writeJson(
        ctx.stdout,
        docs.map(({ id, title, issuer, date, passages, year, level, region }) => ({
          id,
          title,
          issuer,
          date,
          passages,
          year,
          level,
          region,
        })),
      );
    } else {
      // A write per LINES_PER_WRITE lines, not per line: each is a system call (3,000 of them were
      // 9 ms of a `yandu list` over 3,000 reports).
      for (let i = 0; i < docs.length; i += LINES_PER_WRITE)
        ctx.stdout.write(
          docs
            .slice(i, i + LINES_PER_WRITE)
            .map((d) => `${d.id}\t${d.date ?? '----------'}\t${d.passages}\t${d.title}\n`)
            .join(''),
        );
    }
    return 0;
  },
};

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export <docId> [--db PATH] --json',
  summary: 'Print a document with its sections, passages, glossary, footnotes and measures.',
  options: {},
  async run(ctx) {
    const [id] = ctx.args;
    if (!id || ctx.args.length > 1) throw new UsageError('expects exactly one document id');
    let bundle;
    try {
      bundle = await ctx.call('documents:get', { id });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      ctx.stderr.write(`yandu export: no document ${id}\n`);
      return 1;
    }
    const { document: d, ...rest } = bundle;
    writeJson(ctx.stdout, { document: d, ...rest });
    return 0;
  },
};
