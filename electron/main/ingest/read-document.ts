import path from 'node:path';
import { AppError } from '../kernel/app-error';
import { readSource, type SourceFormat } from './formats/read-source';
import type { ParsedDocument } from './parsed-document';
import { parseLines } from './report-parser';

export interface ReadResult {
  doc: ParsedDocument;
  format: SourceFormat;
  encoding: string | null;
}

/** Reads and parses one file; what runs off the main thread. No database here. */
export async function readDocument(file: string): Promise<ReadResult> {
  const source = await readSource(file);
  const doc = parseLines(source.lines, path.basename(file));
  if (!doc.passages.length) throw new AppError('file_empty', { file: path.basename(file) });
  return { doc, format: source.format, encoding: source.encoding };
}
