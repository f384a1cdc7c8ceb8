import type {
  ExportFormat,
  FontSubstitution,
  LaidOutPage,
  PrintOptions,
  PrintScope,
} from '../../../shared/domain/print';
import type { Db } from '../store/database';
import { buildAnnotatedExcerpts } from './annotated-excerpts';
import { exportPrintDocument } from './export';
import { printFonts } from './fonts';
import { layoutPrintDocumentSliced } from './layout';

export interface AnnotatedPrintRequest {
  docId: string;
  scope: PrintScope;
  options: PrintOptions;
}

export interface PrintPreview {
  pageCount: number;
  /** The first `maxPages` pages, laid out exactly as the PDF draws them. */
  pages: LaidOutPage[];
  substitutions: FontSubstitution[];
  glyphFallbacks: { font: string; characters: string }[];
}

/** Today as the print date, in local time (what the user's calendar says). */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function previewAnnotatedPrint(
  db: Db,
  req: AnnotatedPrintRequest,
  maxPages: number,
): Promise<PrintPreview> {
  const doc = buildAnnotatedExcerpts(db, req.docId, req.scope, localDate());
  const result = await layoutPrintDocumentSliced(doc, req.options, printFonts());
  return {
    pageCount: result.pages.length,
    pages: result.pages.slice(0, maxPages),
    substitutions: result.substitutions,
    glyphFallbacks: result.glyphFallbacks,
  };
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
