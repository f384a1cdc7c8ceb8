import { MAX_TERM_OCCURRENCES } from '../../../shared/ipc/channels/xref';
import { UsageError, writeJson, type CliCommand } from '../command';

export const termCommand: CliCommand = {
  name: 'term',
  usage: 'term "<text>" [--limit N] [--db PATH] [--json]',
  summary: 'Trace a term through the library: every passage by year, the first year, every definition.',
  options: { limit: { type: 'string' } },
  async run(ctx) {
    const [term] = ctx.args;
    if (!term?.trim() || ctx.args.length > 1) throw new UsageError('expects exactly one term');
    // The contract's most occurrences an answer lists (the total counts them all).
    const limit = ctx.values.limit === undefined ? MAX_TERM_OCCURRENCES : Number(ctx.values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
    // A script's answer covers the whole library: index whatever is new first.
    const view = await ctx.call('xref:term', { term, limit, complete: true });
    if (ctx.values.json) {
      writeJson(ctx.stdout, {
        term: view.term,
        firstYear: view.firstYear,
        definitions: view.definitions.map(({ docId, glossaryId, definition, term: t, year, issuer }) => ({
          docId,
          glossaryId,
          definition,
          term: t,
          year,
          issuer,
        })),
        occurrences: view.occurrences.map(({ docId, passageId, ranges, year, citation }) => ({
          docId,
          passageId,
          ranges,
          year,
          citation,
        })),
        years: view.years,
        headings: view.headings.map(({ docId, sectionId, passageId, title, ranges, year }) => ({
          docId,
          sectionId,
          passageId,
          title,
          ranges,
          year,
        })),
        total: view.total,
      });
      return 0;
    }
    ctx.stdout.write(
      `${view.term}: ${view.total} passages, first in ${view.firstYear ?? '—'}; ${view.years
        .map((y) => `${y.year ?? '?'}: ${y.count}`)
        .join(', ')}\n`,
    );
    for (const d of view.definitions)
      ctx.stdout.write(`[${d.year ?? '?'} ${d.issuer ?? d.docTitle}] ${d.definition}\n`);
    for (const o of view.occurrences) ctx.stdout.write(`${o.citation}\t${o.snippet.text}\n`);
    return 0;
  },
};
