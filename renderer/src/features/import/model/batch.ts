import type { ImportBatchResult } from '../../../../../shared/ipc/channels/imports';
import type { ImportProgressEvent } from '../../../../../shared/ipc/events';

export type FileStatus = 'waiting' | 'reading' | 'storing' | 'done' | 'skipped' | 'failed' | 'cancelled';

export interface FileRow {
  file: string;
  name: string;
  status: FileStatus;
  message: string | null;
  documentId: string | null;
  passages: number | null;
  /** The file replaced an existing document's text (a revised edition), keeping its id. */
  replaced: boolean;
}

export interface Batch {
  id: string;
  files: FileRow[];
  running: boolean;
  /** The user asked to cancel and the reply has not come yet. */
  cancelling: boolean;
  /** Why the batch did not run at all (a refused request), else null. */
  error: string | null;
}

/** The file name of a path from any platform. */
export const baseName = (file: string): string => file.split(/[\\/]/).filter(Boolean).pop() ?? file;

export function newBatch(id: string, files: string[]): Batch {
  return {
    id,
    running: true,
    cancelling: false,
    error: null,
    files: files.map((file) => ({
      file,
      name: baseName(file),
      status: 'waiting',
      message: null,
      documentId: null,
      passages: null,
      replaced: false,
    })),
  };
}

/** A progress event moves its file to the phase it reports; events of other batches change nothing. */
export function applyProgress(batch: Batch, e: ImportProgressEvent): Batch {
  if (e.batchId !== batch.id || !batch.files[e.index]) return batch;
  const status: FileStatus = e.phase === 'parsing' ? 'reading' : e.phase;
  return {
    ...batch,
    files: batch.files.map((row, i) =>
      i === e.index ? { ...row, status, message: e.message ?? row.message } : row,
    ),
  };
}

/** The reply settles every file, whatever events were missed. */
export function applyResult(batch: Batch, result: ImportBatchResult): Batch {
  const byFile = new Map<string, Partial<FileRow>>();
  for (const d of result.imported)
    byFile.set(d.file, {
      status: 'done',
      documentId: d.id,
      passages: d.passages,
      message: null,
      replaced: d.replaced === true,
    });
  for (const s of result.skipped)
    byFile.set(s.file, {
      status: s.code === 'import_cancelled' ? 'cancelled' : 'skipped',
      documentId: s.existingId ?? null,
      message: s.reason,
    });
  for (const f of result.failed) byFile.set(f.file, { status: 'failed', message: f.error });
  return {
    ...batch,
    running: false,
    cancelling: false,
    files: batch.files.map((row) => ({ ...row, ...byFile.get(row.file) })),
  };
}

export interface Tally {
  /** Files settled one way or another: what the progress bar shows. */
  done: number;
  imported: number;
  skipped: number;
  failed: number;
  cancelled: number;
  total: number;
}

export function tally(batch: Batch): Tally {
  const count = (s: FileStatus) => batch.files.filter((f) => f.status === s).length;
  const imported = count('done');
  const skipped = count('skipped');
  const failed = count('failed');
  const cancelled = count('cancelled');
  return {
    done: imported + skipped + failed + cancelled,
    imported,
    skipped,
    failed,
    cancelled,
    total: batch.files.length,
  };
}

/** Paths from a `text/uri-list` (what file managers put on a drag): `file://` URLs only, comments skipped. */
export function pathsFromUriList(list: string): string[] {
  return list
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && l.startsWith('file://'))
    .map((l) => {
      const url = new URL(l);
      const p = decodeURIComponent(url.pathname);
      // file:///C:/x → C:/x on Windows-style paths
      return /^\/[A-Za-z]:\//.test(p) ? p.slice(1) : p;
    });
}
