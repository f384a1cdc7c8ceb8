import type { ExportFormat, PrintOptions, PrintPreview } from '../../../shared/domain/print';
import type { Db } from '../store/database';
import { exportPrintDocument, previewPrintDocument } from '../print/domain';
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
export function previewBriefing(
  db: Db,
  briefingId: string,
  options: PrintOptions,
  maxPages: number,
): Promise<PrintPreview> {
  return previewPrintDocument(briefingPrintDocument(db, briefingId), options, maxPages);
}
