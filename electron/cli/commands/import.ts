import path from 'node:path';
import type { ImportSummary } from '../../../shared/domain/import';
import { MAX_IMPORT_FILES } from '../../../shared/ipc/channels/imports';
import { UsageError, writeJson, type CliCommand, type CommandContext } from '../command';

/** Exit code of a run stopped by Ctrl+C, as shells report a process ended by SIGINT (128 + 2). */
export const EXIT_INTERRUPTED = 130;

/**
 * The first Ctrl+C cancels the batch: the file in hand is dropped (the one being written, a single
 * synchronous transaction, always completes), the summary lists the rest as cancelled. A second
 * Ctrl+C stops at once; SQLite's transactions keep the library whole either way.
 */
function cancelOnInterrupt(cancel: () => void, stderr: NodeJS.WritableStream): () => void {
  let cancelled = false;
  const onSigint = () => {
    if (cancelled) process.exit(EXIT_INTERRUPTED);
    cancelled = true;
    stderr.write('yandu import: 正在取消 / cancelling (Ctrl+C again to quit at once)\n');
    cancel();
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
    const tokens = await chooseFiles(ctx, ctx.args);
    const replace = ctx.values.replace as string | undefined;
    if (replace && tokens.length !== 1) throw new UsageError('--replace takes exactly one file');
    const off = ctx.core().ctx.events.on('import:progress', (p) => {
      if (p.phase === 'reading') return;
      const tail = p.message ? `  ${p.message}` : '';
      ctx.stderr.write(`[${p.index + 1}/${p.total}] ${p.phase.padEnd(7)} ${p.file}${tail}\n`);
    });
    let running: string | null = null;
    let interrupted = false;
    const release = cancelOnInterrupt(() => {
      interrupted = true;
      if (running) void ctx.call('imports:cancel', { batchId: running });
    }, ctx.stderr);
    const summary: ImportSummary = { imported: [], skipped: [], failed: [] };
    try {
      // The contract takes at most MAX_IMPORT_FILES files a request: a larger choice runs as
      // several batches, one after another, and answers as one.
      for (let at = 0; at < tokens.length && !interrupted; at += MAX_IMPORT_FILES) {
        running = `cli${process.pid}-${at}`;
        const { batchId: _batch, ...part } = await ctx.call('imports:start', {
          tokens: tokens.slice(at, at + MAX_IMPORT_FILES),
          batchId: running,
          // Every index complete before the process ends: the next command answers at once.
          complete: at + MAX_IMPORT_FILES >= tokens.length,
          ...(replace ? { replace } : {}),
        });
        summary.imported.push(...part.imported);
        summary.skipped.push(...part.skipped);
        summary.failed.push(...part.failed);
        if (part.cancelled) summary.cancelled = true;
      }
    } finally {
      release();
      off();
    }
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

/**
 * The files named on the command line, as the window registers a drop: each argument (a file,
 * or a folder standing for the files in it) is registered and comes back as tokens.
 */
async function chooseFiles(ctx: CommandContext, inputs: string[]): Promise<string[]> {
  const tokens: string[] = [];
  for (const input of inputs) {
    const chosen = await ctx.call('imports:register-local', { paths: [path.resolve(input)] });
    tokens.push(...chosen.map((c) => c.token));
  }
  return tokens;
}
