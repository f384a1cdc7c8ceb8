import { AppError } from '../../kernel/app-error';
import type { GrayImage } from './gray-image';

/**
 * Past this many pixels an image is refused before it is decoded (a decompression bomb): a page
 * scanned at 600 dpi in A3 is ≈ 70 M.
 */
export const MAX_IMAGE_PIXELS = 80_000_000;
/** Pages larger than this are scaled down: 300 dpi A3, more than the recogniser gains from. */
const MAX_SIDE = 5000;

/**
 * Decodes a PNG, JPEG, TIFF (one of its pages) or WebP into grey, turned upright by its EXIF
 * orientation (phone photos).
 */
export async function decodeImage(bytes: Buffer, file: string, page = 0): Promise<GrayImage> {
  const sharp = (await import('sharp')).default;
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', page })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
    };
  } catch (error) {
    const reason = (error as Error).message;
    if (/pixel limit/i.test(reason))
      throw new AppError('image_too_large', { file, limit: `${MAX_IMAGE_PIXELS / 1e6} M` });
    throw new AppError('image_damaged', { file, reason: reason.slice(0, 200) });
  }
}
