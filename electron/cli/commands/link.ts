import { UsageError, writeJson, type CliCommand } from '../command';

export const linkCommand: CliCommand = {
  name: 'link',
  usage: 'link <fromPassageId> <toPassageId> [--note TEXT] [--db PATH] [--json]',
  summary: 'Link two passages, with an optional note (undoable in the app like annotations).',
  options: { note: { type: 'string' } },
  async run(ctx) {
    const [from, to] = ctx.args;
    if (!from || !to || ctx.args.length > 2) throw new UsageError('expects two passage ids');
    const note = typeof ctx.values.note === 'string' ? ctx.values.note : '';
    const link = await ctx.call('links:create', { from, to, note });
    if (ctx.values.json)
      writeJson(ctx.stdout, { id: link.id, from: link.from, to: link.to, note: link.note });
    else ctx.stdout.write(`${link.id}\n`);
    return 0;
  },
};

export const unlinkCommand: CliCommand = {
  name: 'unlink',
  usage: 'unlink <linkId> [--db PATH] [--json]',
  summary: 'Remove a passage link.',
  options: {},
  async run(ctx) {
    const [id] = ctx.args;
    if (!id || ctx.args.length > 1) throw new UsageError('expects exactly one link id');
    const removed = await ctx.call('links:delete', { id });
    if (ctx.values.json) writeJson(ctx.stdout, removed);
    else ctx.stdout.write(`removed ${id}\n`);
    return 0;
  },
};
