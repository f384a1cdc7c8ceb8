import path from 'node:path';
import { ANNOTATION_COLORS, type AnnotationColor } from '../../../shared/domain/annotations';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type PrintOptions,
  type PrintScope,
} from '../../../shared/domain/print';
import { UsageError, writeJson, type CliCommand } from '../command';

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], name: string, fallback: T): T => {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${name} is one of ${allowed.join(', ')}`);
};

function scopeOf(values: Record<string, unknown>): PrintScope {
  const chosen = ['annotated', 'tag', 'color', 'section'].filter((k) => values[k] !== undefined);
  if (chosen.length > 1) throw new UsageError('choose one of --annotated, --tag, --color, --section');
  if (typeof values.tag === 'string') return { kind: 'tag', tag: values.tag };
  if (values.color !== undefined)
    return {
      kind: 'color',
      color: oneOf(values.color, ANNOTATION_COLORS, '--color', 'yellow' as AnnotationColor),
    };
  if (typeof values.section === 'string') return { kind: 'section', sectionId: values.section };
  return values.annotated ? { kind: 'annotated' } : { kind: 'document' };
}

export const printCommand: CliCommand = {
  name: 'print',
  usage:
    'print <docId> [--annotated | --tag T | --color NAME | --section ID] [--layout standard|gongwen] [--notes footnotes|endnotes] [--highlight fill|underline] [--format pdf|docx|md|html] --out FILE [--db PATH] [--json]',
  summary:
    'Print a document (or its annotated passages) with highlights, numbered notes and citations to PDF, DOCX, Markdown or HTML.',
  options: {
    annotated: { type: 'boolean' },
    tag: { type: 'string' },
    color: { type: 'string' },
    section: { type: 'string' },
    layout: { type: 'string' },
    notes: { type: 'string' },
    highlight: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const [docId] = ctx.args;
    if (!docId || ctx.args.length > 1) throw new UsageError('expects exactly one document id');
    const out = ctx.values.out;
    if (typeof out !== 'string' || !out) throw new UsageError('--out FILE is required');
    const extension = path.extname(out).slice(1).toLowerCase();
    const guessed = (EXPORT_FORMATS as readonly string[]).includes(extension)
      ? (extension as ExportFormat)
      : 'pdf';
    const format = oneOf(ctx.values.format, EXPORT_FORMATS, '--format', guessed);
    const options: PrintOptions = {
      layout: oneOf(ctx.values.layout, ['standard', 'gongwen'] as const, '--layout', 'standard'),
      notes: oneOf(ctx.values.notes, ['footnotes', 'endnotes'] as const, '--notes', 'footnotes'),
      highlightStyle: oneOf(ctx.values.highlight, ['fill', 'underline'] as const, '--highlight', 'fill'),
    };
    // Where the window asks a save dialog, the command line has already said where.
    ctx.setPlatform({ chooseSaveFile: async () => path.resolve(out) });
    const saved = await ctx.call('print:save', { docId, scope: scopeOf(ctx.values), options, format });
    if (ctx.values.json)
      writeJson(ctx.stdout, { out: path.resolve(out), format, bytes: saved.bytes, ...options });
    else ctx.stdout.write(`${path.resolve(out)}\n`);
    return 0;
  },
};
