import type { Migration } from './types';

/**
 * Passages read by OCR carry how sure the recogniser was (the mean character confidence, 0–1)
 * and the offsets of the lines it was least sure of, for the reader's 识别 badge and highlights.
 * Null for text that came from a text layer.
 */
export const migration009PassageOcr: Migration = {
  version: 9,
  name: 'passages: OCR confidence and low-confidence lines',
  up(db) {
    db.exec(`
      ALTER TABLE passages ADD COLUMN ocr_confidence REAL CHECK (ocr_confidence BETWEEN 0 AND 1);
      -- JSON [[start, end], …] offsets into text.
      ALTER TABLE passages ADD COLUMN ocr_low TEXT;
    `);
  },
};
