import type { ExportFormat, PrintOptions, PrintPreview } from '../../../shared/domain/print';
import type { Db } from '../store/database';
import { exportPrintDocument } from '../print/export';
import { printFonts } from '../print/fonts';
import { layoutPrintDocumentSliced } from '../print/layout';
import { briefingPrintDocument } from './print-document';

/** A briefing through the one print pipeline: PDF (standard or 公文), DOCX, Markdown or HTML bytes. */
export function exportBriefing(
  db: Db,
  briefingId: string,
  options: PrintOptions,
  format: ExportFormat,
): Promise<Buffer> {
  return exportPrintDocument(briefingPrintDocument(db, briefingId), options, format);
}

/** The first pages as the PDF will draw them, and which font stands in for which (laid out in slices). */
export async function previewBriefing(
  db: Db,
  briefingId: string,
  options: PrintOptions,
  maxPages: number,
): Promise<PrintPreview> {
  const result = await layoutPrintDocumentSliced(
    briefingPrintDocument(db, briefingId),
    options,
    printFonts(),
  );
  return {
    pageCount: result.pages.length,
    pages: result.pages.slice(0, maxPages),
    substitutions: result.substitutions,
    glyphFallbacks: result.glyphFallbacks,
  };
}
