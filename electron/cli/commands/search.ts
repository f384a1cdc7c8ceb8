import { lazyPackage } from '../../main/kernel/lazy-package';
import type { SearchHit } from '../../../shared/domain/search';
import { UsageError, writeJson, type CliCommand, type CommandContext } from '../command';

// Only `--stdin` reads lines.
const readline = lazyPackage<typeof import('node:readline')>('node:readline');

/** The documented JSON of a hit: record and field are named only where they are not the passage text. */
function hitJson(hit: SearchHit) {
  const { kind, docId, passageId, score, ranges } = hit;
  return kind === 'passage'
    ? { kind, docId, passageId, score, ranges }
    : { kind, docId, passageId, recordId: hit.recordId, field: hit.field, score, ranges };
}

// A script's answers cover the whole library: whatever is new is indexed first (`complete`).
async function answer(ctx: CommandContext, query: string, limit: number) {
  const { total, hits } = await ctx.call('search:hits', { query, limit, complete: true });
  return { total, hits: hits.map(hitJson) };
}

async function printPlain(ctx: CommandContext, query: string, limit: number): Promise<void> {
  const response = await ctx.call('search:query', { query, limit, complete: true });
  ctx.stdout.write(`${response.total} hits\n`);
  for (const hit of response.hits) {
    let text = '';
    let at = 0;
    for (const [s, e] of hit.snippet.ranges) {
      text += `${hit.snippet.text.slice(at, s)}【${hit.snippet.text.slice(s, e)}】`;
      at = e;
    }
    text += hit.snippet.text.slice(at);
    const where =
      hit.kind === 'passage' ? hit.citation : `${hit.citation} ${hit.kind}:${hit.label ?? hit.field}`;
    ctx.stdout.write(
      `${hit.score.toFixed(3)}\t${where}\n\t${hit.snippet.before ? '…' : ''}${text}${hit.snippet.after ? '…' : ''}\n`,
    );
  }
}

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search "<query>" | --stdin [--limit N] [--db PATH] [--json]',
  summary: 'Search the library; with --stdin, one query per line and one JSON line per answer, in order.',
  options: { limit: { type: 'string' }, stdin: { type: 'boolean' } },
  async run(ctx) {
    const limit = ctx.values.limit === undefined ? 20 : Number(ctx.values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
    const stdin = Boolean(ctx.values.stdin);
    if (stdin ? ctx.args.length : ctx.args.length !== 1)
      throw new UsageError(stdin ? 'takes its queries from stdin only' : 'expects exactly one query');
    if (!stdin) {
      if (ctx.values.json) writeJson(ctx.stdout, await answer(ctx, ctx.args[0]!, limit));
      else await printPlain(ctx, ctx.args[0]!, limit);
      return 0;
    }
    const lines = readline().createInterface({ input: ctx.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      const query = line.replace(/\r$/, '');
      if (ctx.values.json) ctx.stdout.write(`${JSON.stringify(await answer(ctx, query, limit))}\n`);
      else await printPlain(ctx, query, limit);
    }
    return 0;
  },
};
