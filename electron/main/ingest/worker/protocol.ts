import type { ErrorCode } from '../../../../shared/ipc/errors';
import type { OcrProgress } from '../ocr/ocr-lines';
import type { ReadResult } from '../read-document';

export interface ParseRequest {
  id: number;
  file: string;
}

/** The file `cancel` is given up: the worker stops reading it at its next OCR page (see worker-retire.ts). */
export interface ParseCancel {
  cancel: number;
}

/** Sent once the worker's code has loaded: a worker that dies after it failed a file, not its start. */
export interface ParseReady {
  ready: true;
}

/** OCR reached a page of the file being read: shown to the user, and it extends the time limit. */
export interface ParseProgress {
  id: number;
  progress: OcrProgress;
}

export type ParseReply =
  | { id: number; ok: true; value: ReadResult }
  | {
      id: number;
      ok: false;
      error: { code: ErrorCode | null; params: Record<string, string | number>; message: string };
    };
