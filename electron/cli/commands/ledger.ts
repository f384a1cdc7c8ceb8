import { writeJson, type CliCommand } from '../command';

export const ledgerCommand: CliCommand = {
  name: 'ledger',
  usage: 'ledger [--issuer TEXT] [--db PATH] [--json]',
  summary: 'The target ledger: each target beside the outcome the same issuer reports the next year.',
  options: { issuer: { type: 'string' } },
  async run(ctx) {
    const issuer = typeof ctx.values.issuer === 'string' ? ctx.values.issuer : undefined;
    const rows = await ctx.call('ledger:list', issuer === undefined ? {} : { issuer });
    if (ctx.values.json) {
      writeJson(ctx.stdout, { rows });
      return 0;
    }
    for (const r of rows) {
      const t = `${r.target.value}${r.target.unit}${r.target.qualifier ?? ''}`;
      const o = r.outcome ? `${r.outcome.value}${r.outcome.unit}${r.outcome.qualifier ?? ''}` : '—';
      ctx.stdout.write(`${r.issuer}\t${r.year}\t${r.indicator}\t${t}\t${o}\t${r.verdict}\n`);
    }
    return 0;
  },
};
