import type { ExportFormat, PrintOptions, PrintPreview } from '../../../shared/domain/print';
import type { Db } from '../store/database';
import { exportPrintDocument } from '../print/export';
import { printFonts } from '../print/fonts';
import { layoutPrintDocument } from '../print/layout';
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

/** The first pages as the PDF will draw them, and which font stands in for which. */
export function previewBriefing(
  db: Db,
  briefingId: string,
  options: PrintOptions,
  maxPages: number,
): PrintPreview {
  const result = layoutPrintDocument(briefingPrintDocument(db, briefingId), options, printFonts());
  return {
    pageCount: result.pages.length,
    pages: result.pages.slice(0, maxPages),
    substitutions: result.substitutions,
    glyphFallbacks: result.glyphFallbacks,
  };
}
