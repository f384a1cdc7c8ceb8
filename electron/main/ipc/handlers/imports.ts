import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/app-error';
import type { CoreContext } from '../../core/context';
import { importFiles } from '../../ingest/import-service';
import { getDocumentMeta } from '../../store/document-reader';
import type { Handlers } from '../dispatch';

type ImportHandlers = Pick<Handlers, 'imports:start'>;

/**
 * The renderer is untrusted: every path must be absolute and name an existing regular file
 * (no folders, devices or sockets) before any of them is read.
 */
export function checkImportPaths(files: string[]): void {
  for (const file of files) {
    const shown = file.length > 120 ? `…${file.slice(-120)}` : file;
    if (!path.isAbsolute(file) || file.includes('\0'))
      throw new AppError('invalid_request', { reason: `not an absolute path: ${shown}` });
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) throw new AppError('invalid_request', { reason: `no such file: ${shown}` });
    if (!stat.isFile()) throw new AppError('invalid_request', { reason: `not a regular file: ${shown}` });
  }
}

export function importHandlers(ctx: CoreContext): ImportHandlers {
  return {
    'imports:start': async ({ files, replace, batchId }) => {
      checkImportPaths(files);
      if (replace !== undefined) {
        if (files.length !== 1)
          throw new AppError('invalid_request', { reason: 'replace takes exactly one file' });
        if (!getDocumentMeta(ctx.db, replace)) throw new AppError('not_found', { what: '文档', id: replace });
      }
      const id = batchId ?? `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const summary = await importFiles(ctx, files, { batchId: id, ...(replace ? { replace } : {}) });
      return { batchId: id, ...summary };
    },
  };
}
