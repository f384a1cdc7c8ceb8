import fs from 'node:fs';
import path from 'node:path';
import type { CompactReply } from '../../../shared/ipc/channels/backups';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { findWorkerEntry, startWorker, type WorkerEntry } from '../kernel/worker-entry';
import { assertNoImport } from '../ingest/domain';
import { moveIntoPlace } from '../store/backups';
import {
  assertRoomForCopy,
  beginCompaction,
  compactCopyPath,
  librarySize,
  WriteHold,
  writeCompactCopy,
  type CopyFacts,
} from '../store/compaction';
import type { CompactJob, CompactOutcome } from './compact-protocol';

/** SQLite's copy works in its own memory, not the JS heap: the worker needs little of that. */
const WORKER_HEAP_MB = 64;

export interface CompactOptions {
  /** Aborting stops the worker mid-copy; the library stays as it was. */
  signal?: AbortSignal;
  /** Hears `copying` when the copy starts and `swapping` once it is checked. */
  onProgress?: (phase: 'copying' | 'swapping') => void;
  /** The worker's code; null copies on this thread (tests; a build without the worker). */
  entry?: WorkerEntry | null;
}

/**
 * Compacts an open core's library into the layout new libraries have. Writes are refused in this
 * process (`library_compacting`) and held off for other programs (the write lock) while a worker
 * writes and checks the copy beside the library; reads go on. Then the core closes the library,
 * the copy is moved over it, and the core opens it again. Any failure before that rename leaves
 * the library untouched and the copy removed.
 */
export async function compactLibrary(ctx: CoreContext, options: CompactOptions = {}): Promise<CompactReply> {
  if (ctx.db.readonly) throw new AppError('library_read_only');
  if (ctx.databasePath === ':memory:') throw refused(':memory:', 'in memory');
  assertNoImport(ctx.databasePath, ctx);
  const started = Date.now();
  const end = beginCompaction(ctx.databasePath);
  const copy = compactCopyPath(ctx.databasePath);
  try {
    // A copy left by an interrupted compaction is never used: it is made again.
    fs.rmSync(copy, { force: true });
    assertRoomForCopy(ctx.databasePath);
    const bytesBefore = librarySize(ctx.databasePath);
    const hold = new WriteHold(ctx.databasePath, ctx.nativeBinding);
    // A background write (indexing, a team sync) now fails at once, logged, instead of holding
    // this thread for the busy timeout; the reopen's connection has the usual timeout again.
    const busyTimeout = ctx.db.pragma('busy_timeout', { simple: true }) as number;
    ctx.db.pragma('busy_timeout = 0');
    let facts: CopyFacts;
    try {
      options.onProgress?.('copying');
      const job = { source: ctx.databasePath, target: copy, nativeBinding: ctx.nativeBinding };
      facts = await copyOffThread(job, options);
      options.onProgress?.('swapping');
      ctx.reopen((databasePath) => {
        // Released before the reopen either way: a hold left exclusive would lock the core out.
        try {
          hold.takeWhole();
        } finally {
          hold.release();
        }
        moveIntoPlace(copy, databasePath, ctx.nativeBinding);
      });
    } finally {
      hold.release();
      if (ctx.db.open) ctx.db.pragma(`busy_timeout = ${busyTimeout}`);
    }
    return {
      bytesBefore,
      bytesAfter: librarySize(ctx.databasePath),
      pageSize: facts.pageSize,
      autoVacuum: facts.autoVacuum,
      documents: facts.rows.documents ?? 0,
      annotations: facts.rows.annotations ?? 0,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    fs.rmSync(copy, { force: true });
    end();
  }
}

function copyOffThread(job: CompactJob, options: CompactOptions): Promise<CopyFacts> {
  const entry = options.entry === undefined ? findWorkerEntry('compact-worker', __dirname) : options.entry;
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(cancelled(job.source));
  if (!entry) return Promise.resolve(writeCompactCopy(job.source, job.target, job.nativeBinding));
  const worker = startWorker(entry, { maxOldGenerationSizeMb: WORKER_HEAP_MB }, job);
  return new Promise<CopyFacts>((resolve, reject) => {
    const onAbort = () => void worker.terminate().then(() => reject(cancelled(job.source)));
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (fn: () => void) => {
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    worker.once('message', (outcome: CompactOutcome) =>
      settle(() => (outcome.ok ? resolve(outcome.facts) : reject(errorOf(outcome.error)))),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(refused(job.source, `worker stopped (${code})`))));
  });
}

const refused = (file: string, reason: string) =>
  new AppError('compact_refused', { file: path.basename(file), reason });
const cancelled = (file: string) => refused(file, '已取消 / cancelled');

function errorOf(error: Extract<CompactOutcome, { ok: false }>['error']): Error {
  return error.code ? new AppError(error.code, error.params) : new Error(error.message);
}
