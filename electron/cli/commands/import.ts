import fs from 'node:fs';
import path from 'node:path';
import { importFiles } from '../../main/ingest/import-service';
import { UsageError, writeJson, type CliCommand } from '../command';

/** Expands folders one level deep in name order, so `yandu import archive/` takes every file in it. */
function expandInputs(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      return fs
        .readdirSync(input)
        .filter((name) => !name.startsWith('.'))
        .sort()
        .map((name) => path.join(input, name))
        .filter((file) => fs.statSync(file).isFile());
    }
    return [input];
  });
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <file|folder...> [--replace DOCID] [--db PATH] [--json]',
  summary: 'Import documents; progress on stderr, summary on stdout; exit 0 only when nothing failed.',
  options: { replace: { type: 'string' } },
  async run(ctx) {
    if (!ctx.args.length) throw new UsageError('expects at least one file');
    const files = expandInputs(ctx.args);
    const replace = ctx.values.replace as string | undefined;
    if (replace && files.length !== 1) throw new UsageError('--replace takes exactly one file');
    const core = ctx.core();
    const off = core.ctx.events.on('import:progress', (p) => {
      if (p.phase === 'reading') return;
      const tail = p.message ? `  ${p.message}` : '';
      ctx.stderr.write(`[${p.index + 1}/${p.total}] ${p.phase.padEnd(7)} ${p.file}${tail}\n`);
    });
    const summary = await importFiles(core.ctx, files, replace ? { replace } : {});
    off();
    if (ctx.values.json) writeJson(ctx.stdout, summary);
    else {
      for (const d of summary.imported)
        ctx.stdout.write(`imported ${d.id}\t${d.passages} passages\t${d.title}\n`);
      for (const s of summary.skipped) ctx.stdout.write(`skipped  ${s.file}\t${s.reason}\n`);
      for (const f of summary.failed) ctx.stdout.write(`failed   ${f.file}\t${f.error}\n`);
    }
    return summary.failed.length ? 1 : 0;
  },
};
