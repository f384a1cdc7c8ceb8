import { lazyPackage } from '../kernel/lazy-package';

const zlib = lazyPackage<typeof import('node:zlib')>('node:zlib');

/** What is packed: a segment's head (term dictionary, unit columns) or one of its blocks. */
export type Packed = 'head' | 'postings' | 'text';

/**
 * Brotli quality per part, from a 500-report library (sizes before → after, packing CPU of all):
 * heads 17.5 → 3.7 MB at 5 (4.6 MB at 4, 5.9 at 1: sorted float keys and growing offsets repay
 * the effort), text 20.4 → 12.1 MB at 5 (deflate 12.2; lower brotli qualities do worse on UTF-16),
 * posting bytes 17.8 → 13.1 MB at 3 (varint gaps are dense already: higher qualities cost more for
 * nothing). Unpacking costs about the same at every quality (0.2-0.3 ms a 32 KB block).
 */
const QUALITY: Record<Packed, number> = { head: 5, postings: 3, text: 5 };

export function pack(bytes: Uint8Array, part: Packed): Buffer {
  const z = zlib();
  return z.brotliCompressSync(bytes, {
    params: {
      [z.constants.BROTLI_PARAM_QUALITY]: QUALITY[part],
      [z.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** Unpacks at most `maxBytes`: a damaged blob fails here rather than filling memory. */
export function unpack(bytes: Uint8Array, maxBytes: number): Buffer {
  return zlib().brotliDecompressSync(bytes, { maxOutputLength: Math.max(1, maxBytes) });
}
