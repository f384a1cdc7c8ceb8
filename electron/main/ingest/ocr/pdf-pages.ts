import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfLine } from '../formats/pdf-paragraphs';
import { recognisePage } from './ocr-engine';
import { ocrNotes, ocrPdfLines, type OcrNote, type OcrProgress } from './ocr-lines';
import { pageScan } from './pdf-scan';

/** A page with less text than this may be a scan with a stamp or a scanner app's watermark. */
const SCAN_TEXT_CHARS = 20;

/**
 * Reads the scanned pages of a PDF by OCR: pages whose text layer is empty (or a few stray
 * characters) and that carry a full-page image. Their lines replace the page's in `pages`, in
 * PDF points, so a mixed PDF is laid out page by page as one text. `onPage` hears each page.
 */
export class PdfScanReader {
  readonly notes: OcrNote[] = [];
  scannedPages = 0;

  constructor(private readonly onPage?: (p: OcrProgress) => void) {}

  async fill(doc: PDFDocumentProxy, pages: PdfLine[][], ops: { paintImageXObject: number }): Promise<void> {
    const candidates = pages.flatMap((lines, i) =>
      lines.reduce((n, l) => n + l.text.length, 0) < SCAN_TEXT_CHARS ? [i] : [],
    );
    for (const [k, i] of candidates.entries()) {
      this.onPage?.({ page: k, pages: candidates.length });
      const page = await doc.getPage(i + 1);
      try {
        const image = await pageScan(page, ops);
        if (!image) continue;
        const read = await recognisePage(image);
        const unit = page.view[2]! / image.width;
        pages[i] = ocrPdfLines(read, i + 1, unit);
        this.notes.push(...ocrNotes(read, i + 1));
        this.scannedPages++;
      } finally {
        page.cleanup();
      }
    }
    if (candidates.length) this.onPage?.({ page: candidates.length, pages: candidates.length });
  }
}
