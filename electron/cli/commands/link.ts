import { createLink, deleteLink, MAX_NOTE_CHARS } from '../../main/links/service';
import { UsageError, writeJson, type CliCommand } from '../command';

export const linkCommand: CliCommand = {
  name: 'link',
  usage: 'link <fromPassageId> <toPassageId> [--note TEXT] [--db PATH] [--json]',
  summary: 'Link two passages, with an optional note (undoable in the app like annotations).',
  options: { note: { type: 'string' } },
  run(ctx) {
    const [from, to] = ctx.args;
    if (!from || !to || ctx.args.length > 2) throw new UsageError('expects two passage ids');
    const note = typeof ctx.values.note === 'string' ? ctx.values.note : '';
    if (note.length > MAX_NOTE_CHARS) throw new UsageError(`a note has at most ${MAX_NOTE_CHARS} characters`);
    const link = createLink(ctx.core().ctx.db, { from, to, note });
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
  run(ctx) {
    const [id] = ctx.args;
    if (!id || ctx.args.length > 1) throw new UsageError('expects exactly one link id');
    const removed = deleteLink(ctx.core().ctx.db, id);
    if (ctx.values.json) writeJson(ctx.stdout, removed);
    else ctx.stdout.write(`removed ${id}\n`);
    return 0;
  },
};
