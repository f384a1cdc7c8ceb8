import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument, type ReadResult } from '../../../electron/main/ingest/read-document';
import { chromiumPath, makeDocx, makePdf, writeTextVariants } from './format-fixtures';
import { SEED_FILE, seedText } from './seed-fixture';

let dir: string;
let reference: ReadResult;
const texts = (r: ReadResult) => r.doc.passages.map((p) => p.text);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-formats-'));
  reference = await readDocument(SEED_FILE);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the same report in every encoding', () => {
  it.each(['utf8', 'utf8-bom', 'crlf', 'utf16le-bom', 'utf16be-bom', 'gb18030'])(
    '%s gives the same passages, glossary and footnotes',
    async (variant) => {
      const files = writeTextVariants(seedText(), dir, 'huli');
      const result = await readDocument(files[variant]!);
      expect(result.format).toBe('txt');
      expect(texts(result)).toEqual(texts(reference));
      expect(result.doc.meta).toEqual(reference.doc.meta);
      expect(result.doc.glossary).toEqual(reference.doc.glossary);
      expect(result.doc.passages.map((p) => p.footnotes)).toEqual(
        reference.doc.passages.map((p) => p.footnotes),
      );
    },
  );

  it('tells the encoding from the bytes, not from the name', async () => {
    const files = writeTextVariants(seedText(), dir, 'named');
    const misnamed = path.join(dir, 'report.utf8.html');
    fs.copyFileSync(files.gb18030!, misnamed);
    const result = await readDocument(misnamed);
    expect(result.encoding).toBe('gb18030');
    expect(result.format).toBe('txt');
    expect(texts(result)).toEqual(texts(reference));
    expect((await readDocument(files['utf16le-bom']!)).encoding).toBe('utf-16le');
    expect((await readDocument(files.utf8!)).encoding).toBe('utf-8');
  });

  it('reads UTF-16 without a byte-order mark', async () => {
    const file = path.join(dir, 'nobom16.txt');
    fs.writeFileSync(file, Buffer.from(seedText(), 'utf16le'));
    expect(texts(await readDocument(file))).toEqual(texts(reference));
  });
});

describe('the same report as DOCX and PDF', () => {
  const paragraphs = () =>
    seedText()
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);

  it('reads a DOCX into the same passages', async () => {
    const file = path.join(dir, 'huli.docx');
    fs.writeFileSync(file, await makeDocx(paragraphs()));
    const result = await readDocument(file);
    expect(result.format).toBe('docx');
    expect(texts(result)).toEqual(texts(reference));
    expect(result.doc.meta.title).toBe('2021年湖里区人民政府工作报告');
    expect(result.doc.glossary).toHaveLength(34);
  });

  it.skipIf(!fs.existsSync(chromiumPath))(
    'reads a PDF into the same passages, without its running header and page numbers',
    async () => {
      const file = path.join(dir, 'huli.pdf');
      await makePdf(paragraphs(), file);
      const result = await readDocument(file);
      expect(result.format).toBe('pdf');
      expect(texts(result)).toEqual(texts(reference));
      expect(result.doc.glossary).toEqual(reference.doc.glossary);
      expect(result.doc.sections).toEqual(reference.doc.sections);
    },
    60_000,
  );
});
