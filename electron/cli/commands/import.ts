import type { ImportSummary } from '../../../shared/domain/import';
import { expandInputs } from '../../main/ingest/expand-inputs';
import { importFiles } from '../../main/ingest/import-service';
import { searchServiceFor } from '../../main/search/search-service';
import { UsageError, writeJson, type CliCommand } from '../command';

/** Exit code of a run stopped by Ctrl+C, as shells report a process ended by SIGINT (128 + 2). */
export const EXIT_INTERRUPTED = 130;

/**
 * The first Ctrl+C cancels the batch: the file in hand is dropped (the one being written, a single
 * synchronous transaction, always completes), the summary lists the rest as cancelled. A second
 * Ctrl+C stops at once; SQLite's transactions keep the library whole either way.
 */
function cancelOnInterrupt(controller: AbortController, stderr: NodeJS.WritableStream): () => void {
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    stderr.write('yandu import: 正在取消 / cancelling (Ctrl+C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return () => process.off('SIGINT', onSigint);
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <file|folder...> [--replace DOCID] [--db PATH] [--json]',
  summary:
    'Import documents; progress on stderr, summary on stdout; exit 0 only when nothing failed, 130 after Ctrl+C.',
  options: { replace: { type: 'string' } },
  async run(ctx) {
    if (!ctx.args.length) throw new UsageError('expects at least one file');
    const files = expandInputs(ctx.args);
    const replace = ctx.values.replace as string | undefined;
    if (replace && files.length !== 1) throw new UsageError('--replace takes exactly one file');
    const core = ctx.core();
    await ctx.whenWritable();
    const off = core.ctx.events.on('import:progress', (p) => {
      if (p.phase === 'reading') return;
      const tail = p.message ? `  ${p.message}` : '';
      ctx.stderr.write(`[${p.index + 1}/${p.total}] ${p.phase.padEnd(7)} ${p.file}${tail}\n`);
    });
    const controller = new AbortController();
    const release = cancelOnInterrupt(controller, ctx.stderr);
    let summary: ImportSummary;
    try {
      summary = await importFiles(core.ctx, files, {
        signal: controller.signal,
        ...(replace ? { replace } : {}),
      });
    } finally {
      release();
      off();
    }
    // Every index complete before the process ends: the next command answers at once.
    if (summary.imported.length) searchServiceFor(core.ctx).index.completeNow();
    if (ctx.values.json) writeJson(ctx.stdout, summary);
    else {
      for (const d of summary.imported)
        ctx.stdout.write(`imported ${d.id}\t${d.passages} passages\t${d.title}\n`);
      for (const s of summary.skipped) {
        const label = s.code === 'import_cancelled' ? 'cancelled ' : 'skipped  ';
        ctx.stdout.write(`${label}${s.file}\t${s.reason}\n`);
      }
      for (const f of summary.failed) ctx.stdout.write(`failed   ${f.file}\t${f.error}\n`);
    }
    if (summary.cancelled) return EXIT_INTERRUPTED;
    return summary.failed.length ? 1 : 0;
  },
};
