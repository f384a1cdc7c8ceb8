import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { exportAnnotatedPrint, previewAnnotatedPrint } from './service';
import { writeFileAtomically } from './write-file';
import { getDocumentMeta } from '../store/document-reader';
import type { Handlers } from '../kernel/api';
import type { Domain } from '../kernel/domain';

type PrintChannel = 'print:preview' | 'print:save' | 'print:print';

/** Printing and exporting a document's text with its annotations. */
export const printDomain: Domain<PrintChannel> = {
  name: 'print',
  handlers: printHandlers,
};

// The export pipeline, which briefings reuse, and what the shell's save dialog names files by.
export { exportPrintDocument } from './export';
export { previewPrintDocument } from './service';
export { writeFileAtomically } from './write-file';

const EXTENSIONS = { pdf: 'pdf', docx: 'docx', md: 'md', html: 'html' } as const;

/** A file name from a title: no path separators or characters Windows refuses. */
export function safeFileName(title: string): string {
  const safe = [...title].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c)).join('');
  return safe.slice(0, 80) || 'yandu';
}

function printHandlers(ctx: CoreContext): Pick<Handlers, PrintChannel> {
  const { db } = ctx;
  return {
    'print:preview': ({ maxPages, ...job }) => previewAnnotatedPrint(db, job, maxPages ?? 3),
    'print:save': async ({ format, ...job }) => {
      const choose = ctx.platform.chooseSaveFile;
      if (!choose) throw new AppError('print_unavailable');
      const meta = getDocumentMeta(db, job.docId);
      if (!meta) throw new AppError('not_found', { what: '文档', id: job.docId });
      // render first: a job that cannot be printed fails before the user is asked for a place
      const data = await exportAnnotatedPrint(db, job, format);
      const file = await choose({ defaultName: `${safeFileName(meta.title)}.${EXTENSIONS[format]}`, format });
      if (!file) return { file: null, bytes: 0 };
      writeFileAtomically(file, data);
      return { file, bytes: data.length };
    },
    'print:print': async (job) => {
      const printPdf = ctx.platform.printPdf;
      if (!printPdf) throw new AppError('print_unavailable');
      const meta = getDocumentMeta(db, job.docId);
      if (!meta) throw new AppError('not_found', { what: '文档', id: job.docId });
      const data = await exportAnnotatedPrint(db, job, 'pdf');
      return { printed: await printPdf(data, meta.title) };
    },
  };
}
