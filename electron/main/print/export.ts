import type { ExportFormat, PrintDocument, PrintOptions } from '../../../shared/domain/print';
import { EXPORT_FORMATS } from '../../../shared/domain/print';
import { renderDocx } from './docx';
import { preparePrintFonts } from './fonts';
import { renderHtml } from './html';
import { layoutPrintDocumentSliced } from './layout';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf';

export { EXPORT_FORMATS };

/**
 * The one print pipeline (app, CLI, tests, a script on a server): a print document in, the file's
 * bytes out. PDF is laid out by our own engine (the 公文 grid, Chinese line breaking) and written by
 * pdfkit under plain Node, so it never needs Electron.
 */
export async function exportPrintDocument(
  doc: PrintDocument,
  options: PrintOptions,
  format: ExportFormat,
): Promise<Buffer> {
  switch (format) {
    case 'pdf': {
      const fonts = await preparePrintFonts();
      const { pages } = await layoutPrintDocumentSliced(doc, options, fonts);
      return renderPdf(pages, fonts, { title: doc.title, date: doc.date });
    }
    case 'docx':
      return renderDocx(doc, options);
    case 'md':
      return Buffer.from(renderMarkdown(doc, options), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(doc, options), 'utf8');
  }
}
