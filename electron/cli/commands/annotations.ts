import fs from 'node:fs';
import {
  ANNOTATION_COLORS,
  ANNOTATION_KINDS,
  type AnnotationColor,
  type AnnotationKind,
} from '../../../shared/domain/annotations';
import { AppError } from '../../main/kernel/app-error';
import { UsageError, writeJson, type CliCommand, type CommandContext } from '../command';

export const integer = (value: unknown, name: string): number => {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`${name} expects a character index (0 or more)`);
  return n;
};

export const annotateCommand: CliCommand = {
  name: 'annotate',
  usage:
    'annotate <passageId> --start N --end N [--color NAME] [--kind highlight|underline|note] [--note TEXT] [--tag T …] [--db PATH] [--json]',
  summary: 'Annotate passage text [start, end) (indexes into the passage text); prints the new annotation.',
  options: {
    start: { type: 'string' },
    end: { type: 'string' },
    color: { type: 'string' },
    kind: { type: 'string' },
    note: { type: 'string' },
    tag: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const [passageId] = ctx.args;
    if (!passageId || ctx.args.length > 1) throw new UsageError('expects exactly one passage id');
    const colorArg = ctx.values.color as string | undefined;
    const color = colorArg === undefined ? undefined : await resolveColor(ctx, colorArg);
    if (colorArg !== undefined && !color)
      throw new UsageError(`unknown colour "${colorArg}" (a palette name such as red, or its label)`);
    const kind = ctx.values.kind as string | undefined;
    if (kind !== undefined && !(ANNOTATION_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`--kind is one of ${ANNOTATION_KINDS.join(', ')}`);
    const created = await ctx.call('annotations:create', {
      passageId,
      start: integer(ctx.values.start, '--start'),
      end: integer(ctx.values.end, '--end'),
      color,
      kind: kind as AnnotationKind | undefined,
      note: ctx.values.note as string | undefined,
      tags: (ctx.values.tag as string[] | undefined) ?? [],
    });
    if (ctx.values.json) writeJson(ctx.stdout, created);
    else ctx.stdout.write(`${created.id}\t${created.quote}\n`);
    return 0;
  },
};

/** A palette name (red) or the label the user gave a colour (重点). */
async function resolveColor(ctx: CommandContext, nameOrLabel: string): Promise<AnnotationColor | undefined> {
  const wanted = nameOrLabel.trim();
  if ((ANNOTATION_COLORS as readonly string[]).includes(wanted.toLowerCase()))
    return wanted.toLowerCase() as AnnotationColor;
  const { colors } = await ctx.call('annotations:prefs', {});
  return colors.find((c) => c.label === wanted)?.color;
}

/** Whether the library holds a document, saying on stderr when it does not. */
async function documentExists(ctx: CommandContext, id: string): Promise<boolean> {
  try {
    await ctx.call('documents:meta', { id });
    return true;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    ctx.stderr.write(`yandu annotations: no document ${id}\n`);
    return false;
  }
}

async function list(ctx: CommandContext, documentId: string | undefined): Promise<number> {
  if (documentId && !(await documentExists(ctx, documentId))) return 1;
  const rows = (await ctx.call('annotations:list', documentId ? { documentId } : {})).map(
    ({ id, passageId, start, end, quote, color, note, tags, status }) => ({
      id,
      passageId,
      start,
      end,
      quote,
      color,
      note,
      tags,
      status,
    }),
  );
  if (ctx.values.json) writeJson(ctx.stdout, rows);
  else
    for (const r of rows)
      ctx.stdout.write(`${r.id}\t${r.status}\t${r.passageId ?? '-'}\t${r.color}\t${r.quote}\t${r.note}\n`);
  return 0;
}

async function exportTo(ctx: CommandContext, target: string | undefined): Promise<number> {
  if (!target) throw new UsageError('export expects a document id or "all"');
  const format = ctx.values.format;
  if (format !== 'w3c' && format !== 'md') throw new UsageError('--format is w3c or md');
  if (target !== 'all' && !(await documentExists(ctx, target))) return 1;
  const exported = await ctx.call('annotations:export', {
    format,
    ...(target === 'all' ? {} : { documentId: target }),
  });
  ctx.stdout.write(exported.text);
  return 0;
}

async function importFrom(ctx: CommandContext, file: string | undefined): Promise<number> {
  if (!file) throw new UsageError('import expects a file');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    ctx.stderr.write(`yandu annotations: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const { skipped, ...result } = await ctx.call('annotations:import', { text });
  if (skipped)
    ctx.stderr.write(
      `yandu annotations: ${skipped} annotation(s) of documents not in this library skipped\n`,
    );
  if (ctx.values.json) writeJson(ctx.stdout, result);
  else {
    const { added, updated, unchanged, orphaned, conflicts } = result;
    ctx.stdout.write(
      `added ${added}, updated ${updated}, unchanged ${unchanged}, orphaned ${orphaned}, conflicts ${conflicts.length}\n`,
    );
    for (const c of conflicts)
      ctx.stdout.write(
        `conflict ${c.id}\t${c.quote}\n  mine:   ${JSON.stringify(c.local)}\n  theirs: ${JSON.stringify(c.incoming)}\n`,
      );
  }
  return 0;
}

async function drift(ctx: CommandContext, documentId: string | undefined): Promise<number> {
  if (!documentId) throw new UsageError('drift expects a document id');
  const report = await ctx.call('annotations:drift', { documentId });
  if (ctx.values.json) writeJson(ctx.stdout, report);
  else if (!report) ctx.stdout.write('no revised edition\n');
  else {
    const { exact, moved, fuzzy, orphaned } = report.counts;
    ctx.stdout.write(
      `edition ${report.edition}: exact ${exact}, moved ${moved}, fuzzy ${fuzzy}, orphaned ${orphaned}\n`,
    );
    for (const i of report.items.filter((x) => x.outcome !== 'exact'))
      ctx.stdout.write(`${i.outcome}\t${i.before.quote}\t→ ${i.after?.quote ?? '-'}\n`);
  }
  return 0;
}

export const annotationsCommand: CliCommand = {
  name: 'annotations',
  usage:
    'annotations [<docId>] | export <docId|all> --format w3c|md | import FILE | drift <docId>  [--db PATH] [--json]',
  summary:
    'List annotations; export them (W3C JSON-LD or Markdown, to stdout); import a W3C file ({added, updated, unchanged, conflicts: [...], orphaned}); the drift report of the last replace.',
  options: { format: { type: 'string' } },
  run(ctx) {
    const [first, second, ...rest] = ctx.args;
    const expectArgs = (n: number) => {
      if (ctx.args.length > n) throw new UsageError(`unexpected argument ${ctx.args[n]}`);
    };
    switch (first) {
      case 'export':
        expectArgs(2);
        return exportTo(ctx, second);
      case 'import':
        expectArgs(2);
        return importFrom(ctx, second);
      case 'drift':
        expectArgs(2);
        return drift(ctx, second);
      default:
        if (second !== undefined || rest.length) throw new UsageError('expects at most one document id');
        return list(ctx, first);
    }
  },
};
