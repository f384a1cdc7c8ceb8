import { preferSimplified } from '../formats/cjk-radicals';
import { pdfParagraphs, type PdfLine } from '../formats/pdf-paragraphs';
import { decodeImage } from './image-file';
import { recognisePage } from './ocr-engine';
import { ocrNotes, ocrPdfLines, type OcrNote, type OcrProgress } from './ocr-lines';

/** A multi-page TIFF past this many pages is read only this far (a fax of a report is far shorter). */
export const MAX_IMAGE_PAGES = 200;

/** The magic numbers of the image formats read by OCR. */
export function isImage(head: Buffer): boolean {
  const hex = head.subarray(0, 12).toString('hex');
  return (
    hex.startsWith('89504e47') || // PNG
    hex.startsWith('ffd8ff') || // JPEG
    hex.startsWith('49492a00') || // TIFF, little-endian
    hex.startsWith('4d4d002a') || // TIFF, big-endian
    (hex.startsWith('52494646') && head.subarray(8, 12).toString('latin1') === 'WEBP')
  );
}

export interface OcrBlocks {
  blocks: string[];
  pages: number;
  notes: OcrNote[];
}

/** An image file (a photo or scan of printed pages; each page of a TIFF) read into paragraphs. */
export async function imageBlocks(
  bytes: Buffer,
  file: string,
  onPage?: (p: OcrProgress) => void,
): Promise<OcrBlocks> {
  const sharp = (await import('sharp')).default;
  let pages = 1;
  try {
    pages = Math.min(MAX_IMAGE_PAGES, (await sharp(bytes).metadata()).pages ?? 1);
  } catch {
    // decodeImage says what is wrong with the file.
  }
  const lines: PdfLine[][] = [];
  const notes: OcrNote[] = [];
  for (let n = 1; n <= pages; n++) {
    onPage?.({ page: n - 1, pages });
    const page = await recognisePage(await decodeImage(bytes, file, n - 1));
    lines.push(ocrPdfLines(page, n, 1));
    notes.push(...ocrNotes(page, n));
  }
  onPage?.({ page: pages, pages });
  return { blocks: preferSimplified(pdfParagraphs(lines).join('\n')).split('\n'), pages, notes };
}
