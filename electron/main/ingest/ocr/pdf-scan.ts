import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { GrayImage } from './gray-image';
import { MAX_IMAGE_PIXELS } from './image-file';

/** pdf.js's decoded image: 1 = 1 bit grey (set bit = white), 2 = RGB, 3 = RGBA. */
interface PdfImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** A page image must cover this share of the page to be its scan (not a logo or a seal). */
const SCAN_COVER = 0.5;

/**
 * The scan on a page that has no text: the largest image painted on it, decoded by pdf.js (JPEG,
 * Flate, CCITT and JBIG2 alike), when it covers most of the page. No canvas is needed: a scanner
 * or a phone app stores one full-page image per page. Null for a page with no such image.
 */
export async function pageScan(
  page: PDFPageProxy,
  ops: { paintImageXObject: number },
): Promise<GrayImage | null> {
  const list = await page.getOperatorList();
  const ids = new Set<string>();
  list.fnArray.forEach((fn, i) => {
    if (fn === ops.paintImageXObject) ids.add(String((list.argsArray[i] as unknown[])[0]));
  });
  let best: PdfImage | null = null;
  for (const id of ids) {
    const image = await objectOf(page, id);
    if (image?.data && image.width * image.height > (best ? best.width * best.height : 0)) best = image;
  }
  if (!best?.data || best.width * best.height > MAX_IMAGE_PIXELS) return null;
  const [, , pageWidth, pageHeight] = page.view as [number, number, number, number];
  // A scan at any resolution covers the page at the image's own aspect ratio.
  const aspect = best.width / best.height / (pageWidth / pageHeight);
  if (aspect < SCAN_COVER || aspect > 1 / SCAN_COVER) return null;
  return toGray(best);
}

/** Images used on several pages live in commonObjs; pdf.js resolves either once the list is read. */
function objectOf(page: PDFPageProxy, id: string): Promise<PdfImage | null> {
  const store = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    store.get(id, (data: unknown) => resolve((data as PdfImage | null) ?? null));
  });
}

function toGray(image: PdfImage): GrayImage | null {
  const { width, height, kind } = image;
  const src = image.data!;
  const out = new Uint8Array(width * height);
  if (kind === 1) {
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        out[y * width + x] = src[y * stride + (x >> 3)]! & (128 >> (x & 7)) ? 255 : 0;
  } else if (kind === 2 || kind === 3) {
    const step = kind === 2 ? 3 : 4;
    for (let p = 0, q = 0; p < out.length; p++, q += step)
      out[p] = (src[q]! * 299 + src[q + 1]! * 587 + src[q + 2]! * 114) / 1000;
  } else return null;
  return { width, height, data: out };
}
