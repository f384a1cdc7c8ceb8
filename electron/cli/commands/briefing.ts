import path from 'node:path';
import type { Briefing, BriefingAddition, HeadingLevel } from '../../../shared/domain/briefings';
import { EXPORT_FORMATS, type ExportFormat, type PrintOptions } from '../../../shared/domain/print';
import { UsageError, writeJson, type CliCommand, type CommandContext } from '../command';
import { integer } from './annotations';

/** `show --json`: the contract fields (id, title, items[kind, text, citation, passageId, notes]) plus more. */
export function briefingJson(b: Briefing) {
  return {
    id: b.id,
    title: b.title,
    audience: b.audience,
    date: b.date,
    items: b.items.map((i) => ({
      kind: i.kind,
      text: i.text,
      citation: i.citation,
      passageId: i.passageId,
      notes: i.marks.filter((m) => m.note).map((m) => m.note),
      id: i.id,
      level: i.level,
      status: i.status,
      sourceText: i.sourceText,
      marks: i.marks,
    })),
  };
}

function printBriefing(ctx: CommandContext, b: Briefing): void {
  ctx.stdout.write(`${b.id}\t${b.title}\t${b.date}${b.audience ? `\t${b.audience}` : ''}\n`);
  for (const i of b.items) {
    if (i.kind === 'heading') ctx.stdout.write(`${'#'.repeat(i.level)} ${i.text}\n`);
    else if (i.kind === 'note') ctx.stdout.write(`  ${i.text}\n`);
    else {
      const flag = i.status === 'ok' ? '' : ` [${i.status}]`;
      ctx.stdout.write(`> ${i.text}\n  —— ${i.citation}${flag}\n`);
      for (const m of i.marks.filter((x) => x.note)) ctx.stdout.write(`  注：${m.note}\n`);
    }
  }
}

function addition(ctx: CommandContext): BriefingAddition {
  const { passage, annotation, heading, note, start, end, level } = ctx.values;
  const given = [passage, annotation, heading, note].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new UsageError('give exactly one of --passage, --annotation, --heading, --note');
  if ((start !== undefined || end !== undefined) && passage === undefined)
    throw new UsageError('--start and --end go with --passage');
  if (typeof passage === 'string')
    return {
      kind: 'excerpt',
      passageId: passage,
      start: start === undefined ? undefined : integer(start, '--start'),
      end: end === undefined ? undefined : integer(end, '--end'),
    };
  if (typeof annotation === 'string') return { kind: 'excerpt', annotationId: annotation };
  if (typeof heading === 'string') {
    const n = level === undefined ? 1 : Number(level);
    if (![1, 2, 3].includes(n)) throw new UsageError('--level is 1, 2 or 3');
    return { kind: 'heading', text: heading, level: n as HeadingLevel };
  }
  return { kind: 'note', text: note as string };
}

const nonEmpty = (text: string | undefined, what: string): string => {
  if (!text?.trim()) throw new UsageError(`expects ${what}`);
  return text;
};

/** `--name value` checked against its choices; `fallback` when absent. */
function choice<T extends string>(ctx: CommandContext, name: string, allowed: readonly T[], fallback: T): T {
  const value = ctx.values[name];
  if (value === undefined) return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw new UsageError(`--${name} is one of ${allowed.join(', ')}`);
}

async function exportTo(ctx: CommandContext, briefingId: string): Promise<number> {
  const out = ctx.values.out;
  if (typeof out !== 'string' || !out) throw new UsageError('--out FILE is required');
  const extension = path.extname(out).slice(1).toLowerCase() as ExportFormat;
  const format = choice(
    ctx,
    'format',
    EXPORT_FORMATS,
    EXPORT_FORMATS.includes(extension) ? extension : 'pdf',
  );
  const options: PrintOptions = {
    layout: choice(ctx, 'layout', ['standard', 'gongwen'] as const, 'standard'),
    notes: choice(ctx, 'notes', ['footnotes', 'endnotes'] as const, 'footnotes'),
    highlightStyle: choice(ctx, 'highlight', ['fill', 'underline'] as const, 'fill'),
  };
  // Where the window asks a save dialog, the command line has already said where.
  ctx.setPlatform({ chooseSaveFile: async () => path.resolve(out) });
  const saved = await ctx.call('briefings:export', { id: briefingId, options, format });
  if (ctx.values.json)
    writeJson(ctx.stdout, { out: path.resolve(out), format, bytes: saved.bytes, ...options });
  else ctx.stdout.write(`${path.resolve(out)}\n`);
  return 0;
}

export const briefingCommand: CliCommand = {
  name: 'briefing',
  usage:
    'briefing create "<title>" [--audience TEXT] | add <briefingId> (--passage <passageId> [--start N --end N] | --annotation <id> | --heading TEXT [--level 1-3] | --note TEXT) | list | show <briefingId> | export <briefingId> --format pdf|docx|md|html [--layout standard|gongwen] [--notes footnotes|endnotes] [--highlight fill|underline] --out FILE  [--db PATH] [--json]',
  summary:
    'Briefings (简报): create one, add excerpts, headings and commentary, list them, show one ({"id","title","items":[{"kind","text","citation","passageId","notes"}]}), export one to PDF, DOCX, Markdown or HTML.',
  options: {
    audience: { type: 'string' },
    passage: { type: 'string' },
    annotation: { type: 'string' },
    heading: { type: 'string' },
    note: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    level: { type: 'string' },
    format: { type: 'string' },
    layout: { type: 'string' },
    notes: { type: 'string' },
    highlight: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const [sub, target, ...extra] = ctx.args;
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const out = (b: Briefing) =>
      ctx.values.json ? writeJson(ctx.stdout, briefingJson(b)) : printBriefing(ctx, b);
    switch (sub) {
      case 'create':
        out(
          await ctx.call('briefings:create', {
            title: nonEmpty(target, 'a title'),
            ...(typeof ctx.values.audience === 'string' ? { audience: ctx.values.audience } : {}),
          }),
        );
        return 0;
      case 'add':
        out(
          await ctx.call('briefings:add', {
            briefingId: nonEmpty(target, 'a briefing id'),
            addition: addition(ctx),
          }),
        );
        return 0;
      case 'show':
        out(await ctx.call('briefings:get', { id: nonEmpty(target, 'a briefing id') }));
        return 0;
      case 'export':
        return exportTo(ctx, nonEmpty(target, 'a briefing id'));
      case 'list': {
        if (target !== undefined) throw new UsageError(`unexpected argument ${target}`);
        const rows = await ctx.call('briefings:list', {});
        if (ctx.values.json) writeJson(ctx.stdout, rows);
        else for (const r of rows) ctx.stdout.write(`${r.id}\t${r.date}\t${r.itemCount}\t${r.title}\n`);
        return 0;
      }
      default:
        throw new UsageError('expects create, add, list, show or export');
    }
  },
};
