import type {
  ExportFormat,
  PrintDocument,
  PrintOptions,
  PrintPreview,
  PrintScope,
} from '../../../shared/domain/print';
import type { Db } from '../store/database';
import { buildAnnotatedExcerpts } from './annotated-excerpts';
import { exportPrintDocument } from './export';
import { preparePrintFonts } from './fonts';
import { layoutPrintDocumentSliced } from './layout';

export interface AnnotatedPrintRequest {
  docId: string;
  scope: PrintScope;
  options: PrintOptions;
}

/** Today as the print date, in local time (what the user's calendar says). */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The first pages of any print document (briefings too), laid out exactly as the PDF draws them. */
export async function previewPrintDocument(
  doc: PrintDocument,
  options: PrintOptions,
  maxPages: number,
): Promise<PrintPreview> {
  const result = await layoutPrintDocumentSliced(doc, options, await preparePrintFonts());
  return {
    pageCount: result.pages.length,
    pages: result.pages.slice(0, maxPages),
    substitutions: result.substitutions,
    glyphFallbacks: result.glyphFallbacks,
  };
}

export function previewAnnotatedPrint(
  db: Db,
  req: AnnotatedPrintRequest,
  maxPages: number,
): Promise<PrintPreview> {
  return previewPrintDocument(
    buildAnnotatedExcerpts(db, req.docId, req.scope, localDate()),
    req.options,
    maxPages,
  );
}

export function exportAnnotatedPrint(
  db: Db,
  req: AnnotatedPrintRequest,
  format: ExportFormat,
): Promise<Buffer> {
  return exportPrintDocument(
    buildAnnotatedExcerpts(db, req.docId, req.scope, localDate()),
    req.options,
    format,
  );
}
