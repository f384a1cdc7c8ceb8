import mammoth from 'mammoth';
import { AppError } from '../../core/app-error';
import { htmlBlocks } from './html';

/**
 * The paragraphs of a Word document. mammoth turns its styles into HTML (Heading 1 → h1, lists,
 * tables), which then reads like any page; a truncated or damaged package fails with its reason.
 */
export async function docxBlocks(bytes: Buffer, file: string): Promise<string[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    throw new AppError('docx_damaged', { file, reason: (error as Error).message });
  }
  return htmlBlocks(html);
}
