import type { ErrorCode } from '../../../../shared/ipc/errors';
import type { ReadResult } from '../read-document';

export interface ParseRequest {
  id: number;
  file: string;
}

/** Sent once the worker's code has loaded: a worker that dies after it failed a file, not its start. */
export interface ParseReady {
  ready: true;
}

export type ParseReply =
  | { id: number; ok: true; value: ReadResult }
  | {
      id: number;
      ok: false;
      error: { code: ErrorCode | null; params: Record<string, string | number>; message: string };
    };
