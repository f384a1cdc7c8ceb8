import { MAX_TERM_CHARS, traceTerm } from '../../main/xref/term-service';
import { UsageError, writeJson, type CliCommand } from '../command';

export const termCommand: CliCommand = {
  name: 'term',
  usage: 'term "<text>" [--limit N] [--db PATH] [--json]',
  summary: 'Trace a term through the library: every passage by year, the first year, every definition.',
  options: { limit: { type: 'string' } },
  run(ctx) {
    const [term] = ctx.args;
    if (!term?.trim() || ctx.args.length > 1) throw new UsageError('expects exactly one term');
    if (term.trim().length > MAX_TERM_CHARS)
      throw new UsageError(`a term has at most ${MAX_TERM_CHARS} characters`);
    const limit = ctx.values.limit === undefined ? 1_000_000 : Number(ctx.values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
    // A script's answer covers the whole library: index whatever is new first.
    const view = traceTerm(ctx.core().ctx, term, { limit, indexAll: true });
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
