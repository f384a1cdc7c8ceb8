import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../kernel/app-error';
import { writeCompactCopy } from '../store/compaction';
import type { CompactJob, CompactOutcome } from './compact-protocol';

/**
 * Worker thread entry: writes and checks the compact copy on its own connections, so the window's
 * main thread keeps answering (reads go on) while SQLite copies the whole library.
 */
const { source, target, nativeBinding } = workerData as CompactJob;
let outcome: CompactOutcome;
try {
  outcome = { ok: true, facts: writeCompactCopy(source, target, nativeBinding) };
} catch (error) {
  outcome = {
    ok: false,
    error:
      error instanceof AppError
        ? { code: error.code, params: error.params }
        : { code: null, params: {}, message: (error as Error).message ?? String(error) },
  };
}
parentPort?.postMessage(outcome);
