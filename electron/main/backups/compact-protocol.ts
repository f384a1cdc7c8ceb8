import type { ErrorCode } from '../../../shared/ipc/errors';
import type { CopyFacts } from '../store/compaction';

/** What the compaction worker is given (as workerData) and what it answers, once. */
export interface CompactJob {
  source: string;
  target: string;
  nativeBinding?: string;
}

export type CompactOutcome =
  | { ok: true; facts: CopyFacts }
  | {
      ok: false;
      error: { code: ErrorCode | null; params: Record<string, string | number>; message?: string };
    };
