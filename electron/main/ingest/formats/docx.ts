import mammoth from 'mammoth';
import { AppError } from '../../core/app-error';
import { htmlBlockList, type HtmlBlock } from './html';
import { checkDocxSizes } from './zip-limits';

const SKIP_IMAGE = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/**
 * The paragraphs of a Word document. mammoth turns its styles into HTML (Heading 1 → h1, lists,
 * tables), which then reads like any page; the heading levels come along, so a report whose
 * headings carry no number (`总体要求` in Heading 1) still gets its outline. A truncated or
 * damaged package fails with its reason; one that would unpack to too much is refused unread.
 * Pictures are left packed: only their place matters (a photo block is dropped as such).
 */
export async function docxBlocks(bytes: Buffer, file: string): Promise<HtmlBlock[]> {
  checkDocxSizes(bytes, file);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { convertImage: SKIP_IMAGE })).value;
  } catch (error) {
    throw new AppError('docx_damaged', { file, reason: (error as Error).message });
  }
  return htmlBlockList(html);
}
