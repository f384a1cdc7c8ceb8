import path from 'node:path';
import type { ImportSummary } from '../../../shared/domain/import';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { contentHash } from '../store/content-hash';
import { findDocumentByHash, insertDocument, replaceDocument } from '../store/document-writer';
import type { ParsedDocument } from './parsed-document';
import { readDocument } from './read-document';
import { beginImport } from './import-lock';
import { createDocumentReader, type DocumentReader } from './worker/parse-client';

export interface ImportOptions {
  /** Replace this document's content with the (single) file instead of adding a new document. */
  replace?: string;
  batchId?: string;
  /** Parse on this thread instead of a worker (tests, or where no worker can start). */
  inline?: boolean;
  /** A reader to use instead of creating one for the batch. */
  reader?: DocumentReader;
  /**
   * Cancels the batch: the file being parsed is dropped (its worker stopped), the rest are not read,
   * and all of them are reported skipped as cancelled. Files already stored stay stored.
   */
  signal?: AbortSignal;
  /** Keep this id for a new document (a team's document arriving in a later edition than its first). */
  asId?: string;
  /**
   * Runs the store write (one transaction, replace hooks included) inside the caller's own, e.g.
   * the team sync's with change capture off, so the write alone is wrapped and not the parse.
   */
  writeWith?: (write: () => void) => void;
}

const isCancel = (error: unknown) => error instanceof AppError && error.code === 'import_cancelled';

const ocrMessage = (locale: string, page: number, pages: number) =>
  locale.startsWith('zh') ? `文字识别 ${page}/${pages} 页` : `OCR ${page}/${pages} pages`;

/** Reads and parses one file on the calling thread. */
export async function readDocumentFile(file: string): Promise<ParsedDocument> {
  return (await readDocument(file)).doc;
}

/**
 * Imports files one by one: each is read and parsed off the main thread, then stored in its own
 * transaction, so a bad file fails alone with a reason and leaves the library as it was.
 * Duplicates (same parsed content) are skipped with a reason, and so are the files a cancel left.
 */
export async function importFiles(
  ctx: CoreContext,
  files: string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  // Said before any file is read, rather than once per file after parsing it.
  if (ctx.db.readonly) throw new AppError('library_read_only');
  const summary: ImportSummary = { imported: [], skipped: [], failed: [] };
  const batchId = options.batchId ?? `b${Date.now().toString(36)}`;
  const changed: string[] = [];
  const reader = options.reader ?? createDocumentReader({ inline: options.inline });
  const { signal } = options;
  // A restore meanwhile would swap the library file under the rows being written: it is refused.
  const endImport = beginImport(ctx);
  const cancel = (file: string, index: number) => {
    const reason = new AppError('import_cancelled', { file: path.basename(file) }).localized(ctx.locale);
    summary.skipped.push({ file, reason, code: 'import_cancelled' });
    summary.cancelled = true;
    ctx.events.emit('import:progress', {
      batchId,
      file,
      index,
      total: files.length,
      phase: 'cancelled',
      message: reason,
    });
  };
  try {
    for (const [index, file] of files.entries()) {
      if (signal?.aborted) {
        cancel(file, index);
        continue;
      }
      const progress = (phase: 'reading' | 'storing' | 'done' | 'failed' | 'skipped', message?: string) =>
        ctx.events.emit('import:progress', { batchId, file, index, total: files.length, phase, message });
      const name = path.basename(file);
      progress('reading');
      try {
        const { doc, format } = await reader.read(file, {
          signal,
          onProgress: ({ page, pages }) =>
            ctx.events.emit('import:progress', {
              batchId,
              file,
              index,
              total: files.length,
              phase: 'parsing',
              message: ocrMessage(ctx.locale, page, pages),
              page,
              pages,
            }),
        });
        // A cancel that came while the file was read drops it: nothing after a cancel is written.
        if (signal?.aborted) throw new AppError('import_cancelled', { file: name });
        const existing = findDocumentByHash(ctx.db, contentHash(doc));
        if (existing && existing.id !== options.replace) {
          const reason = new AppError('duplicate_document', { file: name, title: existing.title }).localized(
            ctx.locale,
          );
          summary.skipped.push({ file, reason, existingId: existing.id });
          progress('skipped', reason);
          continue;
        }
        progress('storing');
        const source = { file, format };
        let id = options.replace ?? '';
        const write = options.writeWith ?? ((w: () => void) => w());
        write(() => {
          // The hooks (re-anchoring) get the editions aligned once, and commit or roll back with the replace.
          if (options.replace)
            replaceDocument(ctx.db, id, doc, source, (alignment) =>
              ctx.replaceHooks.forEach((hook) => hook(id, alignment)),
            );
          else id = insertDocument(ctx.db, doc, source, undefined, options.asId);
        });
        changed.push(id);
        summary.imported.push({
          id,
          file,
          title: doc.meta.title,
          passages: doc.passages.length,
          glossary: doc.glossary.length,
          footnotes: doc.passages.reduce((n, p) => n + p.footnotes.length, 0),
          measures: doc.measures.length,
          ...(options.replace ? { replaced: true } : {}),
        });
        progress('done');
      } catch (error) {
        if (isCancel(error)) {
          cancel(file, index);
          continue;
        }
        const appError =
          error instanceof AppError
            ? error
            : new AppError('import_failed', { file: name, reason: (error as Error).message });
        const message = appError.localized(ctx.locale);
        summary.failed.push({ file, error: message, code: appError.code });
        progress('failed', message);
      }
    }
  } finally {
    endImport();
    if (!options.reader) await reader.close();
  }
  if (changed.length) ctx.events.emit('library:changed', { documentIds: changed });
  return summary;
}
