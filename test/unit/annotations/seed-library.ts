import fs from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../../electron/main/ingest/report-parser';
import type { Db } from '../../../electron/main/store/database';
import { insertDocument } from '../../../electron/main/store/document-writer';
import type { Passage } from '../../../shared/domain/library';

export const SEED_FILE = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');
export const seedText = (): string => fs.readFileSync(SEED_FILE, 'utf8');

/** The bundled report, parsed as the importer does, stored in `db`; returns its id. */
export function addSeed(db: Db, text = seedText()): string {
  return insertDocument(db, parseReport(text, 'huli-2021.txt'), { file: SEED_FILE, format: 'txt' });
}

export function passagesOf(db: Db, documentId: string): Passage[] {
  return db
    .prepare(
      `SELECT id, section_id AS sectionId, ordinal, lead, text, kind FROM passages WHERE document_id = ? ORDER BY ordinal`,
    )
    .all(documentId) as Passage[];
}

/** The passage holding `needle` (exactly one must), with the needle's offset. */
export function findText(
  db: Db,
  documentId: string,
  needle: string,
): { passage: Passage; start: number; end: number } {
  const hits = passagesOf(db, documentId).filter((p) => p.text.includes(needle));
  if (hits.length !== 1) throw new Error(`"${needle}" is in ${hits.length} passages`);
  const passage = hits[0]!;
  const start = passage.text.indexOf(needle);
  return { passage, start, end: start + needle.length };
}
