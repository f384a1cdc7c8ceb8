import type { ExportFormat, PrintDocument, PrintOptions } from '../../../shared/domain/print';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'docx', 'md', 'html'];

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
      // pdfkit, fontkit and docx load on first use: a command that prints nothing (`yandu list`)
      // must not pay their ~100 ms of module loading.
      const [{ printFonts }, { layoutPrintDocumentSliced }, { renderPdf }] = await Promise.all([
        import('./fonts'),
        import('./layout'),
        import('./pdf'),
      ]);
      const fonts = printFonts();
      const { pages } = await layoutPrintDocumentSliced(doc, options, fonts);
      return renderPdf(pages, fonts, { title: doc.title, date: doc.date });
    }
    case 'docx': {
      const { renderDocx } = await import('./docx');
      return renderDocx(doc, options);
    }
    case 'md':
      return Buffer.from(renderMarkdown(doc, options), 'utf8');
    case 'html':
      return Buffer.from(renderHtml(doc, options), 'utf8');
  }
}
