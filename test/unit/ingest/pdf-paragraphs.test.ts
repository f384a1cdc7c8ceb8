import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../../../electron/main/ingest/formats/read-source';
import { normalizeSpaces } from '../../../electron/main/ingest/parse/normalize';
import { readDocument } from '../../../electron/main/ingest/read-document';
import { CORPUS_DIR, describeCorpus } from '../../helpers/corpus';
import { chromiumPath } from './format-fixtures';
import { identical, PDF_LAYOUTS, printLayouts, type PdfLayout } from './pdf-layouts';
import { SEED_FILE, seedText } from './seed-fixture';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-pdf-paragraphs-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sourceParagraphs = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

async function printAll(stem: string, text: string): Promise<Map<PdfLayout, string>> {
  const files = new Map(PDF_LAYOUTS.map((l) => [l, path.join(dir, `${stem}.${l.name}.pdf`)]));
  await printLayouts(sourceParagraphs(text), PDF_LAYOUTS, (l) => files.get(l)!);
  return files;
}

describe.skipIf(!fs.existsSync(chromiumPath))('a PDF printed from a web page', () => {
  it('imports the seed to passages at least 98 % identical to its text import, in every layout', async () => {
    const reference = (await readDocument(SEED_FILE)).doc.passages.map((p) => p.text);
    const files = await printAll('seed', seedText());
    for (const [layout, file] of files) {
      const passages = (await readDocument(file)).doc.passages.map((p) => p.text);
      const share = identical(reference, passages) / reference.length;
      expect(share, layout.name).toBeGreaterThanOrEqual(0.98);
    }
  }, 120_000);
});

/**
 * Chinese characters set apart in the source (`政 府 工 作 报 告`) come out of a PDF with or without
 * the space, as the printer spaced them: spaces beside a Chinese character do not count.
 */
const comparable = (s: string) => normalizeSpaces(s).replace(/(?<=[^ -~]) | (?=[^ -~])/g, '');

describeCorpus('PDFs printed from corpus reports', () => {
  it.skipIf(!fs.existsSync(chromiumPath))(
    'give back at least 98 % of the source paragraphs identical, in every page size, font and indent',
    async () => {
      let same = 0;
      let total = 0;
      for (const stem of ['national-2024', 'guangdong-2026', 'national-1954']) {
        const text = fs.readFileSync(path.join(CORPUS_DIR, `${stem}.txt`), 'utf8');
        const expected = sourceParagraphs(text).map(comparable).filter(Boolean);
        for (const [layout, file] of await printAll(stem, text)) {
          const blocks = (await readSource(file)).lines.map((l) => comparable(l.text));
          const n = identical(expected, blocks);
          expect(n / expected.length, `${stem} ${layout.name}`).toBeGreaterThanOrEqual(0.97);
          same += n;
          total += expected.length;
        }
      }
      expect(same / total).toBeGreaterThanOrEqual(0.98);
    },
    300_000,
  );
});
