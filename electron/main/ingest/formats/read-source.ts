import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/app-error';
import { makeLine, toLines, type Line } from '../parse/normalize';
import { decodeText } from './decode';
import { docxBlocks } from './docx';
import { htmlBlocks, type HtmlBlock } from './html';
import { pdfBlocks } from './pdf';

/** Larger files are refused before they are read: no report comes near this, and memory is shared. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type SourceFormat = 'txt' | 'html' | 'docx' | 'pdf';

export interface SourceDocument {
  format: SourceFormat;
  encoding: string | null;
  lines: Line[];
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/**
 * Reads a file into lines for the parser. The format is told by the content (a PDF header, a ZIP
 * holding `word/document.xml`, HTML markup), never by the extension, so a misnamed file still
 * reads and a renamed binary is refused with a reason.
 */
export async function readSource(file: string): Promise<SourceDocument> {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (error) {
    throw new AppError('file_unreadable', {
      file: name,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  if (!stat.isFile()) throw new AppError('file_unreadable', { file: name, reason: 'not a regular file' });
  if (stat.size === 0) throw new AppError('file_empty', { file: name });
  if (stat.size > MAX_FILE_BYTES)
    throw new AppError('file_too_large', {
      file: name,
      size: megabytes(stat.size),
      limit: megabytes(MAX_FILE_BYTES),
    });
  const bytes = await fs.promises.readFile(file);
  const source = await fromBytes(bytes, name);
  if (!source.lines.length) throw new AppError('file_empty', { file: name });
  return source;
}

async function fromBytes(bytes: Buffer, name: string): Promise<SourceDocument> {
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return blocksSource('pdf', null, await pdfBlocks(bytes, name));
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
