import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { AppError } from '../../../electron/main/kernel/app-error';
import { readDocument, type ReadResult } from '../../../electron/main/ingest/read-document';
import { createDocumentReader } from '../../../electron/main/ingest/worker/parse-client';
import { getDocumentBundle } from '../../../electron/main/store/document-reader';
import { insertDocument } from '../../../electron/main/store/document-writer';
import { CORPUS_DIR, describeCorpus } from '../../helpers/corpus';
import {
  characterErrorRate,
  degrade,
  printPages,
  rasterise,
  reportOpening,
  sameBoundaries,
  scannedPdf,
} from '../../helpers/scanned-pages';

/**
 * The OCR accuracy bar on real report text: the opening of a corpus report printed as a 公文 page,
 * rasterised at 300 dpi, read back from an image-only PDF (clean) and from a crooked, noisy photo
 * of one page. The bench (`BENCH_OCR=1 npm run bench`) measures more pages and the speed.
 */
let dir: string;
let text: ReadResult;
let pages: Buffer[];
const file = (name: string) => path.join(dir, name);
const passages = (r: ReadResult) => r.doc.passages.map((p) => p.text);
const joined = (r: ReadResult) => passages(r).join('');

describeCorpus('OCR of scanned report pages', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ocr-'));
    const paragraphs = await reportOpening(path.join(CORPUS_DIR, 'national-2021.txt'), 900);
    fs.writeFileSync(file('text.txt'), paragraphs.join('\n'));
    text = await readDocument(file('text.txt'));
    await printPages(paragraphs, file('printed.pdf'));
    pages = rasterise(file('printed.pdf'));
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads an image-only PDF to the text version: CER ≤ 1 %, ≥ 95 % of passage boundaries', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    await scannedPdf(pages, file('scan.pdf'));
    const progress: number[] = [];
    const scan = await readDocument(file('scan.pdf'), { onOcrPage: (p) => progress.push(p.page) });
    expect(scan.format).toBe('pdf');
    expect(scan.ocr?.pages).toBe(pages.length);
    expect(progress).toEqual([...Array(pages.length + 1).keys()]);
    expect(characterErrorRate(joined(text), joined(scan))).toBeLessThanOrEqual(0.01);
    expect(sameBoundaries(passages(text), passages(scan))).toBeGreaterThanOrEqual(0.95);
    expect(scan.doc.meta.title).toBe(text.doc.meta.title);
    expect(scan.doc.sections.map((s) => s.title)).toEqual(text.doc.sections.map((s) => s.title));
    expect(scan.ocr!.notes.every((n) => n.confidence > 0 && n.confidence <= 1)).toBe(true);
    // Every passage is marked as read by OCR, and the marks survive the store.
    expect(scan.doc.passages.every((p) => p.ocr && p.ocr.confidence > 0.9)).toBe(true);
    const core = createCore({ databasePath: file('lib.sqlite') });
    try {
      const id = insertDocument(core.ctx.db, scan.doc, { file: file('scan.pdf'), format: 'pdf' });
      const stored = getDocumentBundle(core.ctx.db, id)!.passages.map((p) => p.ocr);
      expect(stored).toEqual(scan.doc.passages.map((p) => p.ocr));
    } finally {
      core.close();
    }
  }, 300_000);

  it('reads a crooked, noisy photo of a page (JPEG): CER ≤ 3 %', async () => {
    fs.writeFileSync(file('photo.jpg'), await degrade(pages[0]!, 1.5));
    const photo = await readDocument(file('photo.jpg'));
    expect(photo.format).toBe('image');
    // The text version's passages that the first page holds, up to where the page ends.
    const read = joined(photo);
    const reference = joined(text).slice(0, read.replace(/\s+/g, '').length);
    expect(characterErrorRate(reference, read)).toBeLessThanOrEqual(0.03);
  }, 300_000);

  it('lays out a mixed PDF page by page: a typed page and a scanned one make one text', async () => {
    const typed = (await reportOpening(path.join(CORPUS_DIR, 'national-2021.txt'), 900)).slice(-3).join('\n');
    await scannedPdf([pages[0]!, typed], file('mixed.pdf'));
    const mixed = await readDocument(file('mixed.pdf'));
    expect(mixed.ocr?.pages).toBe(1);
    expect(joined(mixed)).toContain(typed.split('\n').at(-1)!.slice(0, 30));
    expect(joined(mixed)).toContain(passages(text)[1]!.slice(0, 20));
    // Only what came from the scanned page is marked.
    const last = mixed.doc.passages.at(-1)!;
    expect(last.text).toContain(typed.split('\n').at(-1)!.slice(0, 30));
    expect(last.ocr).toBeUndefined();
    expect(mixed.doc.passages[1]!.ocr?.confidence).toBeGreaterThan(0.9);
  }, 300_000);

  it('in the parse worker: reports each page, and a cancel during OCR stops it at once', async () => {
    await scannedPdf(pages, file('scan-worker.pdf'));
    const reader = createDocumentReader();
    expect(reader.mode).toBe('worker');
    const controller = new AbortController();
    const seen: string[] = [];
    const started = Date.now();
    try {
      const read = reader.read(file('scan-worker.pdf'), {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(`${p.page}/${p.pages}`);
          if (p.page === 1) controller.abort();
        },
      });
      await expect(read).rejects.toMatchObject({ code: 'import_cancelled' });
    } finally {
      await reader.close();
    }
    expect(seen).toEqual([`0/${pages.length}`, `1/${pages.length}`]);
    // Stopped on the second page's start, not after the rest of the file was read.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 300_000);

  it('in the parse worker: the time limit grows with the pages to read, bounded', async () => {
    // Generous per file (20 s) and per page (60 s), but capped at 5 s overall: the cap decides.
    const reader = createDocumentReader({ timeLimitMs: 20_000, ocrPageMs: 60_000, ocrLimitMs: 5000 });
    try {
      const error = await reader.read(file('scan-worker.pdf')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'file_parse_timeout' });
      expect((error as AppError).params.seconds).toBe(5);
    } finally {
      await reader.close();
    }
  }, 60_000);
});
