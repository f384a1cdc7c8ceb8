import type { PassageLink } from '../../../shared/domain/xref';
import { passageXref } from '../../main/xref/passage-xref';
import { searchServiceFor } from '../../main/search/search-service';
import { UsageError, writeJson, type CliCommand } from '../command';

const linkJson = ({ id, from, to, note, status }: PassageLink) => ({ id, from, to, note, status });

export const xrefCommand: CliCommand = {
  name: 'xref',
  usage: 'xref <passageId> [--limit N] [--db PATH] [--json]',
  summary:
    "A passage's cross-references: terms, measures, related passages of other documents, links, backlinks.",
  options: { limit: { type: 'string' } },
  run(ctx) {
    const [passageId] = ctx.args;
    if (!passageId || ctx.args.length > 1) throw new UsageError('expects exactly one passage id');
    const limit = ctx.values.limit === undefined ? 8 : Number(ctx.values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50)
      throw new UsageError('--limit takes a whole number 1–50');
    const core = ctx.core().ctx;
    // The CLI answers for the whole library: whatever import left unindexed is indexed first.
    searchServiceFor(core).index.indexPendingNow();
    const x = passageXref(core, passageId, limit);
    if (ctx.values.json) {
      writeJson(ctx.stdout, {
        terms: x.terms.map(({ glossaryId, term, source }) => ({ glossaryId, term, source })),
        measures: x.measures,
        related: x.related.map(({ docId, passageId: id, score, shared, citation }) => ({
          docId,
          passageId: id,
          score,
          shared,
          citation,
        })),
        links: x.links.map(linkJson),
        backlinks: x.backlinks.map(linkJson),
      });
      return 0;
    }
    ctx.stdout.write(`terms: ${x.terms.map((t) => t.term).join('、') || '—'}\n`);
    for (const m of x.measures) ctx.stdout.write(`${m.kind}\t${m.title}\n`);
    for (const r of x.related)
      ctx.stdout.write(`${r.score.toFixed(2)}\t${r.citation}\t${r.shared.join('、')}\n`);
    for (const l of [...x.links, ...x.backlinks])
      ctx.stdout.write(`link ${l.id}\t${l.from} → ${l.to}\t${l.note}\n`);
    return 0;
  },
};
