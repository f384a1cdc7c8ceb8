import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../kernel/app-error';
import { makeLine, toLines, type Line } from '../parse/normalize';
import { decodeText } from './decode';
import { docxBlocks } from './docx';
import { htmlBlocks, type HtmlBlock } from './html';
import { imageBlocks, isImage } from '../ocr/image-source';
import type { OcrNote, OcrProgress } from '../ocr/ocr-lines';
import { PdfScanReader } from '../ocr/pdf-pages';
import { pdfBlocks } from './pdf';

/** Larger files are refused before they are read: no report comes near this, and memory is shared. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type SourceFormat = 'txt' | 'html' | 'docx' | 'pdf' | 'image';

export interface SourceDocument {
  format: SourceFormat;
  encoding: string | null;
  lines: Line[];
  /** Text read by OCR (an image, a PDF's scanned pages): its lines with their confidence. */
  ocr?: { pages: number; notes: OcrNote[] };
}

export interface SourceOptions {
  /** Hears each page that OCR starts and the end of the last. */
  onOcrPage?: (p: OcrProgress) => void;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Reads a file into lines for the parser. The format is told by the content (a PDF header, a ZIP
 * holding `word/document.xml`, HTML markup), never by the extension, so a misnamed file still
 * reads and a renamed binary is refused with a reason.
 */
export async function readSource(file: string, options: SourceOptions = {}): Promise<SourceDocument> {
  const name = path.basename(file);
  const bytes = await readStable(file, name);
  const source = await fromBytes(bytes, name, options);
  if (!source.lines.length) throw new AppError('file_empty', { file: name });
  return source;
}

/** Errors that mean "nothing importable is there": one message for all of them. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'ENXIO', 'EISDIR']);

/**
 * The file's bytes, read once and whole. Opened without blocking (a FIFO would otherwise wait for
 * a writer forever) and checked on the open handle, so what is read is what was checked: only a
 * regular file, at most MAX_FILE_BYTES, and only as many bytes as it had when opened. A file
 * whose size or modification time moved while it was read is refused rather than half-imported.
 * `afterRead` runs between the read and the second look (tests change the file there).
 */
export async function readStable(
  file: string,
  name: string,
  afterRead?: () => Promise<void>,
): Promise<Buffer> {
  let handle: fs.promises.FileHandle;
  try {
    // Checked before opening too: opening some devices has effects (a tape rewinds, a tty attaches).
    if (!(await fs.promises.stat(file)).isFile()) throw new AppError('file_missing', { file: name });
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw openError(error, name);
  }
  try {
    const before = await handle.stat();
    if (!before.isFile()) throw new AppError('file_missing', { file: name });
    if (before.size === 0) throw new AppError('file_empty', { file: name });
    if (before.size > MAX_FILE_BYTES)
      throw new AppError('file_too_large', {
        file: name,
        size: megabytes(before.size),
        limit: megabytes(MAX_FILE_BYTES),
      });
    const bytes = Buffer.alloc(before.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    await afterRead?.();
    const after = await handle.stat();
    if (filled !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs)
      throw new AppError('file_changed', { file: name });
    return bytes;
  } finally {
    await handle.close();
  }
}

function openError(error: unknown, name: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (MISSING.has(code)) return new AppError('file_missing', { file: name });
  return new AppError('file_unreadable', { file: name, reason: code || String(error).slice(0, 200) });
}

async function fromBytes(bytes: Buffer, name: string, options: SourceOptions): Promise<SourceDocument> {
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) {
    const scans = new PdfScanReader(options.onOcrPage);
    const source = blocksSource('pdf', null, await pdfBlocks(bytes, name, scans));
    return scans.scannedPages ? { ...source, ocr: { pages: scans.scannedPages, notes: scans.notes } } : source;
  }
  if (isImage(bytes)) {
    const read = await imageBlocks(bytes, name, options.onOcrPage);
    return { ...blocksSource('image', null, read.blocks), ocr: { pages: read.pages, notes: read.notes } };
  }
  if (head.startsWith('PK\u0003\u0004')) {
    if (!bytes.includes('word/document.xml'))
      throw new AppError('file_unsupported', { file: name, format: 'ZIP' });
    return blocksSource('docx', null, await docxBlocks(bytes, name));
  }
  if (head.startsWith('\u00d0\u00cf\u0011\u00e0'))
    throw new AppError('file_unsupported', { file: name, format: 'Word 97–2003 (.doc)' });
  if (head.startsWith('{\\rtf')) throw new AppError('file_unsupported', { file: name, format: 'RTF' });
  const { text, encoding } = decodeText(bytes, name);
  if (/^\s*(\[\s*)?<(!doctype\s+html|html|head|body|div|p|table|article|section|h\d)[\s>]/i.test(text))
    return blocksSource('html', encoding, htmlBlocks(text));
  return { format: 'txt', encoding, lines: toLines(text) };
}

function blocksSource(
  format: SourceFormat,
  encoding: string | null,
  blocks: (string | HtmlBlock)[],
): SourceDocument {
  const lines = blocks.map((b, i) => {
    if (typeof b === 'string') return makeLine(b, i + 1);
    const line = makeLine(b.text, i + 1);
    return b.heading ? { ...line, heading: b.heading } : line;
  });
  return { format, encoding, lines: lines.filter((l) => l.text) };
}
