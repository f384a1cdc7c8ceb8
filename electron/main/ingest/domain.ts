import path from 'node:path';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { importFiles } from './import-service';
import type { DocumentReader } from './worker/parse-client';
import { searchServiceFor } from '../search/domain';
import { getDocumentMeta } from '../store/document-reader';
import type { Handlers } from '../kernel/api';
import type { Domain } from '../kernel/domain';
import { MAX_LOCAL_IMPORT_FILES } from '../../../shared/ipc/channels/local';

type ImportChannel = 'imports:start' | 'imports:cancel' | 'imports:register-drop' | 'imports:register-local';

/** Importing files: batches started and cancelled over the contract, one file at a time. */
export const ingestDomain: Domain<ImportChannel> = {
  name: 'ingest',
  handlers: (ctx) => importHandlers(ctx),
};

// What other domains and the root use: importing outside a request (the bundled sample, a team
// pull), the registry of chosen files, and the lock a restore checks.
export { importFiles } from './import-service';
export { ImportTokens } from './import-tokens';
export { assertNoImport } from './import-lock';
// The report parser's reading of figures and units, which the ledger applies to stated outcomes.
export { readingText } from './parse/number-text';
export { UNIT } from './parse/units';

export interface ImportHandlerOptions {
  /** Makes the reader of each batch (default: a parse worker per batch). */
  createReader?: () => DocumentReader;
}

/** Dropped paths must be absolute: main never resolves a path against its own working folder. */
function checkDroppedPaths(paths: string[]): void {
  for (const file of paths)
    if (!path.isAbsolute(file) || file.includes('\0'))
      throw new AppError('invalid_request', { reason: `not an absolute path: ${shorten(file)}` });
}

/** Input echoed in an error is cut short: a reply never carries what an attacker sent in full. */
const shorten = (s: string) => (s.length > 80 ? `${s.slice(0, 40)}…${s.slice(-39)}` : s);

/** The channels' answers; tests pass a reader of their own. */
export function importHandlers(
  ctx: CoreContext,
  options: ImportHandlerOptions = {},
): Pick<Handlers, ImportChannel> {
  /** Running batches by id, so a cancel from the window reaches the loop that reads the files. */
  const running = new Map<string, AbortController>();
  return {
    'imports:register-drop': ({ paths }) => {
      checkDroppedPaths(paths);
      return ctx.importTokens.issue(paths);
    },
    'imports:register-local': ({ paths }) => {
      checkDroppedPaths(paths);
      return ctx.importTokens.issue(paths, MAX_LOCAL_IMPORT_FILES);
    },
    'imports:start': async ({ tokens, replace, batchId, complete }) => {
      const files = ctx.importTokens.resolve(tokens);
      if (replace !== undefined) {
        if (files.length !== 1)
          throw new AppError('invalid_request', { reason: 'replace takes exactly one file' });
        if (!getDocumentMeta(ctx.db, replace)) throw new AppError('not_found', { what: '文档', id: replace });
      }
      const id = batchId ?? `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      if (running.has(id))
        throw new AppError('invalid_request', { reason: `batch ${id} is already running` });
      const controller = new AbortController();
      running.set(id, controller);
      const reader = options.createReader?.();
      try {
        const summary = await importFiles(ctx, files, {
          batchId: id,
          signal: controller.signal,
          ...(replace ? { replace } : {}),
          ...(reader ? { reader } : {}),
        });
        if (complete && summary.imported.length) searchServiceFor(ctx).index.completeNow();
        return { batchId: id, ...summary };
      } finally {
        running.delete(id);
        await reader?.close();
      }
    },
    'imports:cancel': ({ batchId }) => {
      const controller = running.get(batchId);
      controller?.abort();
      return { cancelled: !!controller };
    },
  };
}
