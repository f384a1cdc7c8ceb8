import type { Decoration } from './decoration';
import type { DocIndex } from './doc-index';

/** The lines OCR was least sure of, shaded for checking against the original. */
export function ocrDecorations(index: DocIndex, title: string): Map<string, Decoration[]> {
  const map = new Map<string, Decoration[]>();
  for (const p of index.passages) {
    const low = p.ocr?.low ?? [];
    if (low.length)
      map.set(
        p.id,
        low.map(([start, end]) => ({ start, end, kind: 'ocr-low', title })),
      );
  }
  return map;
}
