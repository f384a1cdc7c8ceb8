import { AppError } from '../../kernel/app-error';
import { htmlBlockList, type HtmlBlock } from './html';
import { checkDocxSizes } from './zip-limits';

/**
 * The paragraphs of a Word document. mammoth turns its styles into HTML (Heading 1 → h1, lists,
 * tables), which then reads like any page; the heading levels come along, so a report whose
 * headings carry no number (`总体要求` in Heading 1) still gets its outline. A truncated or
 * damaged package fails with its reason; one that would unpack to too much is refused unread.
 * Pictures are left packed: only their place matters (a photo block is dropped as such).
 */
export async function docxBlocks(bytes: Buffer, file: string): Promise<HtmlBlock[]> {
  checkDocxSizes(bytes, file);
  // Loaded on first use: mammoth and its dependencies take ~50 ms to load, which a command that
  // reads no Word file (`yandu list`) should not pay. A package import, so it works bundled, built
  // and from source alike.
  const { default: mammoth } = await import('mammoth');
  const skipImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { convertImage: skipImage })).value;
  } catch (error) {
    throw new AppError('docx_damaged', { file, reason: (error as Error).message });
  }
  return htmlBlockList(html);
}
