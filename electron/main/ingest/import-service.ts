import fs from 'node:fs';
import path from 'node:path';
import type { ImportSummary } from '../../../shared/domain/import';
import { AppError } from '../core/app-error';
import type { CoreContext } from '../core/context';
import { contentHash } from '../store/content-hash';
import { findDocumentByHash, insertDocument, replaceDocument } from '../store/document-writer';
import type { ParsedDocument } from './parsed-document';
import { parseReport } from './report-parser';

export interface ImportOptions {
  /** Replace this document's content with the (single) file instead of adding a new document. */
  replace?: string;
  batchId?: string;
}

export function readDocumentFile(file: string): ParsedDocument {
  const text = fs.readFileSync(file, 'utf8');
  return parseReport(text, path.basename(file));
}

/**
 * Imports files one by one: each document in its own transaction, so a bad file fails alone and
 * leaves the library as it was. Duplicates (same parsed content) are skipped with a reason.
 */
export async function importFiles(
  ctx: CoreContext,
  files: string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: [], skipped: [], failed: [] };
  const batchId = options.batchId ?? `b${Date.now().toString(36)}`;
  const changed: string[] = [];
  for (const [index, file] of files.entries()) {
    const progress = (phase: 'reading' | 'done' | 'failed' | 'skipped', message?: string) =>
      ctx.events.emit('import:progress', { batchId, file, index, total: files.length, phase, message });
    progress('reading');
    try {
      const doc = readDocumentFile(file);
      const existing = findDocumentByHash(ctx.db, contentHash(doc));
      if (existing && existing.id !== options.replace) {
        const reason = `与资料库中的《${existing.title}》内容相同 / same content as ${existing.id}`;
        summary.skipped.push({ file, reason, existingId: existing.id });
        progress('skipped', reason);
        continue;
      }
      let id: string;
      if (options.replace) {
        const docId = options.replace;
        replaceDocument(
          ctx.db,
          docId,
          doc,
          { file, format: path.extname(file).slice(1) || 'txt' },
          (previous) => ctx.replaceHooks.forEach((hook) => hook(docId, previous)),
        );
        id = options.replace;
      } else {
        id = insertDocument(ctx.db, doc, { file, format: path.extname(file).slice(1) || 'txt' });
      }
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
      const message =
        error instanceof AppError
          ? error.localized(ctx.locale)
          : new AppError('import_failed', {
              file: path.basename(file),
              reason: (error as Error).message,
            }).localized(ctx.locale);
      summary.failed.push({
        file,
        error: message,
        code: error instanceof AppError ? error.code : 'import_failed',
      });
      progress('failed', message);
    }
  }
  if (changed.length) ctx.events.emit('library:changed', { documentIds: changed });
  return summary;
}
