import fs from 'node:fs';
import path from 'node:path';
import type { DocumentBundle } from '../../../shared/domain/library';
import { parseReport } from '../../../electron/main/ingest/report-parser';
import { openDatabase } from '../../../electron/main/store/database';
import { getDocumentBundle } from '../../../electron/main/store/document-reader';
import { insertDocument } from '../../../electron/main/store/document-writer';

export const SEED_FILE = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');
export const seedText = (): string => fs.readFileSync(SEED_FILE, 'utf8');

/** The seed parsed, stored in a fresh in-memory library and read back as the app would. */
export function storedSeed(): DocumentBundle {
  const db = openDatabase(':memory:');
  const id = insertDocument(db, parseReport(seedText(), 'huli-2021.txt'), { file: SEED_FILE, format: 'txt' });
  const bundle = getDocumentBundle(db, id)!;
  db.close();
  return bundle;
}

/** A passage's text with its marker numbers put back where they stood: the paragraph as printed. */
export function withMarkers(bundle: DocumentBundle, passageId: string, text: string): string {
  const numberOf = new Map(bundle.glossary.map((g) => [g.id, g.number]));
  const refs = bundle.footnotes
    .filter((f) => f.passageId === passageId && f.source === 'marker')
    .sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const f of refs)
    out = out.slice(0, f.offset) + String(numberOf.get(f.glossaryId)) + out.slice(f.offset);
  return out;
}
