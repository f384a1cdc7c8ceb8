/** An 8-bit grey image, row-major, one byte a pixel: what detection and recognition read. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Bilinear sample at (x, y); outside the image counts as white paper. */
export function sample(image: GrayImage, x: number, y: number): number {
  const { width, height, data } = image;
  if (x < 0 || y < 0 || x > width - 1 || y > height - 1) return 255;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = x - x0;
  const fy = y - y0;
  const top = data[y0 * width + x0]! * (1 - fx) + data[y0 * width + x1]! * fx;
  const bottom = data[y1 * width + x0]! * (1 - fx) + data[y1 * width + x1]! * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * A box-filtered reduction by `factor` (≥ 1), padded with white to a multiple of 32 on each side
 * as the detector needs (padding, not stretching: one scale maps both axes back). Each output
 * pixel averages the source pixels it covers, so thin strokes survive.
 */
export function shrinkTo32(image: GrayImage, factor: number): GrayImage {
  const inner = {
    width: Math.max(1, Math.floor(image.width / factor)),
    height: Math.max(1, Math.floor(image.height / factor)),
  };
  const width = Math.ceil(inner.width / 32) * 32;
  const height = Math.ceil(inner.height / 32) * 32;
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < inner.height; y++) {
    const y0 = Math.floor(y * factor);
    const y1 = Math.max(y0 + 1, Math.min(image.height, Math.floor((y + 1) * factor)));
    for (let x = 0; x < inner.width; x++) {
      const x0 = Math.floor(x * factor);
      const x1 = Math.max(x0 + 1, Math.min(image.width, Math.floor((x + 1) * factor)));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) {
        const row = yy * image.width;
        for (let xx = x0; xx < x1; xx++) sum += image.data[row + xx]!;
      }
      out[y * width + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return { width, height, data: out };
}
