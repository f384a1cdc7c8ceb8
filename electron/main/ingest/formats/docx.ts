import { AppError } from '../../core/app-error';
import { htmlBlockList, type HtmlBlock } from './html';

/**
 * The paragraphs of a Word document. mammoth turns its styles into HTML (Heading 1 → h1, lists,
 * tables), which then reads like any page; the heading levels come along, so a report whose
 * headings carry no number (`总体要求` in Heading 1) still gets its outline. A truncated or
 * damaged package fails with its reason.
 */
export async function docxBlocks(bytes: Buffer, file: string): Promise<HtmlBlock[]> {
  // Loaded on first use: mammoth and its dependencies take ~50 ms to load, which a command that
  // reads no Word file (`yandu list`) should not pay. A package import, so it works bundled, built
  // and from source alike.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    throw new AppError('docx_damaged', { file, reason: (error as Error).message });
  }
  return htmlBlockList(html);
}
