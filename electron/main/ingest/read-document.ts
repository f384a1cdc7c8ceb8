import path from 'node:path';
import { AppError } from '../kernel/app-error';
import {
  readSource,
  type SourceDocument,
  type SourceFormat,
  type SourceOptions,
} from './formats/read-source';
import type { ParsedDocument } from './parsed-document';
import { markOcrPassages } from './ocr/passage-marks';
import { parseLines } from './report-parser';

export interface ReadResult {
  doc: ParsedDocument;
  format: SourceFormat;
  encoding: string | null;
  /** Set when some of the text was read by OCR. */
  ocr?: SourceDocument['ocr'];
}

/** Reads and parses one file; what runs off the main thread. No database here. */
export async function readDocument(file: string, options: SourceOptions = {}): Promise<ReadResult> {
  const source = await readSource(file, options);
  const doc = parseLines(source.lines, path.basename(file));
  if (!doc.passages.length) throw new AppError('file_empty', { file: path.basename(file) });
  if (source.ocr) markOcrPassages(doc, source.ocr.notes);
  return {
    doc,
    format: source.format,
    encoding: source.encoding,
    ...(source.ocr ? { ocr: source.ocr } : {}),
  };
}
