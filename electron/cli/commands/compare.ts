import type { DocumentComparison } from '../../../shared/domain/compare';
import { UsageError, writeJson, type CliCommand, type CommandContext } from '../command';

function printPlain(ctx: CommandContext, c: DocumentComparison): void {
  ctx.stdout.write(`A ${c.a.id}\t${c.a.title}\nB ${c.b.id}\t${c.b.title}\n\n`);
  for (const row of c.sections) {
    const indent = '  '.repeat(row.depth);
    const mark = row.moved ? '~' : row.a && row.b ? '=' : row.a ? '-' : '+';
    const changed = row.passages.reduce((n, p) => n + p.changes.length, 0);
    const title =
      row.a && row.b && row.aTitle !== row.bTitle
        ? `${row.aTitle} → ${row.bTitle}`
        : (row.aTitle ?? row.bTitle);
    ctx.stdout.write(
      `${mark} ${indent}${title}${row.a && row.b ? `\t${row.similarity.toFixed(2)}, ${changed} changes` : ''}\n`,
    );
  }
  ctx.stdout.write(
    `\nnew (${c.newer.toUpperCase()}): ${c.newPhrases.map((p) => p.phrase).join('、') || '—'}\n`,
  );
  ctx.stdout.write(`dropped: ${c.droppedPhrases.map((p) => p.phrase).join('、') || '—'}\n`);
}

export const compareCommand: CliCommand = {
  name: 'compare',
  usage: 'compare <docIdA> <docIdB> [--db PATH] [--json]',
  summary: 'Compare two reports: sections aligned, changed sentences, new and dropped phrases.',
  options: {},
  async run(ctx) {
    if (ctx.args.length !== 2) throw new UsageError('expects two document ids');
    const [a, b] = ctx.args as [string, string];
    const comparison = await ctx.call('compare:documents', { a, b });
    if (ctx.values.json) writeJson(ctx.stdout, comparison);
    else printPlain(ctx, comparison);
    return 0;
  },
};
