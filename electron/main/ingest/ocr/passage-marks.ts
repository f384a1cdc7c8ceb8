import type { ParsedDocument } from '../parsed-document';
import type { OcrNote } from './ocr-lines';

/** A line read with less confidence than this is highlighted for checking. */
export const LOW_CONFIDENCE = 0.9;
/** How much of a line's start locates it in its passage (the parser may change what follows). */
const KEY = 8;
/** Passages ahead of the current one where a line may be found. */
const LOOK_AHEAD = 4;

/**
 * Marks the passages whose text came from OCR, from the recognised lines: each line is found in
 * the passages in reading order (the parser joined them into paragraphs, text unchanged), so a
 * passage gets the character-weighted confidence of its lines and the offsets of the weak ones.
 * Passages from a text layer (a mixed PDF's typed pages) find no line and stay unmarked.
 */
export function markOcrPassages(doc: ParsedDocument, notes: OcrNote[]): void {
  const sums = doc.passages.map(() => ({ chars: 0, weighted: 0, low: [] as [number, number][] }));
  let current = 0;
  let at = 0;
  for (const note of notes) {
    const key = note.text.replace(/\s+/g, '').slice(0, KEY);
    if (!key) continue;
    // This passage from where the last line ended, else one of the next few from their start;
    // a line found nowhere was dropped (a page number, a running header) or became a heading.
    for (let i = current; i < Math.min(doc.passages.length, current + LOOK_AHEAD); i++) {
      const text = doc.passages[i]!.text;
      const found = text.indexOf(key, i === current ? at : 0);
      if (found < 0) continue;
      const end = Math.min(text.length, found + note.text.length);
      const sum = sums[i]!;
      sum.chars += end - found;
      sum.weighted += (end - found) * note.confidence;
      if (note.confidence < LOW_CONFIDENCE) sum.low.push([found, end]);
      current = i;
      at = end;
      break;
    }
  }
  doc.passages.forEach((passage, i) => {
    const { chars, weighted, low } = sums[i]!;
    if (chars) passage.ocr = { confidence: Math.round((weighted / chars) * 1000) / 1000, low };
  });
}
