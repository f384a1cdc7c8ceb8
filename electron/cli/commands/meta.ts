import { metaPatchSchema } from '../../../shared/ipc/channels/metadata';
import { EDITABLE_META_FIELDS, type DocumentMetaPatch } from '../../../shared/domain/library';
import { AppError } from '../../main/kernel/app-error';
import { UsageError, writeJson, type CliCommand } from '../command';

const FIELDS = ['title', 'issuer', 'level', 'region', 'year', 'date'] as const;
/** Chinese level names are accepted as the user writes them. */
const LEVEL_NAMES: Record<string, string> = {
  国家: 'national',
  省: 'province',
  市: 'city',
  县区: 'district',
  县: 'district',
  区: 'district',
};

export const metaCommand: CliCommand = {
  name: 'meta',
  usage:
    'meta <docId> [--title T] [--issuer I] [--level L] [--region R] [--year Y] [--date D] [--db PATH] [--json]',
  summary:
    "Show or correct a document's title, issuer, level, region, year and date (kept across import --replace).",
  options: Object.fromEntries(FIELDS.map((f) => [f, { type: 'string' as const }])),
  async run(ctx) {
    const [id] = ctx.args;
    if (!id || ctx.args.length > 1) throw new UsageError('expects exactly one document id');
    const raw: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const v = ctx.values[f];
      if (typeof v !== 'string') continue;
      // An empty value empties the field (not the title).
      if (v.trim() === '' && f !== 'title') raw[f] = null;
      else if (f === 'year') raw[f] = yearOption(v);
      else if (f === 'level') raw[f] = LEVEL_NAMES[v.trim()] ?? v.trim();
      else raw[f] = v;
    }
    const parsed = metaPatchSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`--${String(issue.path[0])}: ${issue.message}`);
    }
    const patch = parsed.data as DocumentMetaPatch;
    let edit;
    try {
      edit = Object.keys(patch).length
        ? await ctx.call('documents:update-meta', { id, patch })
        : await ctx.call('documents:meta', { id });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      ctx.stderr.write(`yandu meta: no document ${id}\n`);
      return 1;
    }
    const { meta } = edit;
    const sources = Object.fromEntries(
      EDITABLE_META_FIELDS.map((f) => [f, edit.userFields.includes(f) ? 'user' : 'inferred']),
    );
    const { title, issuer, level, region, year, date } = meta;
    if (ctx.values.json) writeJson(ctx.stdout, { id, title, issuer, level, region, year, date, sources });
    else
      for (const f of FIELDS)
        ctx.stdout.write(`${f}\t${meta[f] ?? ''}${sources[f] === 'user' ? '\t(edited)' : ''}\n`);
    return 0;
  },
};

/** A whole number as a number, so the contract's own range check says what is wrong with it. */
function yearOption(value: string): number {
  const trimmed = value.trim();
  if (!/^-?\d{1,9}$/.test(trimmed)) throw new UsageError(`--year: expected a year such as 2021, got "${value}"`);
  return Number(trimmed);
}
