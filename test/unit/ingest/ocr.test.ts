import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../../electron/main/core/app-error';
import { readDocument, type ReadResult } from '../../../electron/main/ingest/read-document';
import { createDocumentReader } from '../../../electron/main/ingest/worker/parse-client';
import { CORPUS_DIR, describeCorpus } from '../../helpers/corpus';
import {
  characterErrorRate,
  degrade,
  printPages,
  rasterise,
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

/**
 * A report's opening as its text version has it: the title, then passages with their section
 * headings, up to `chars` characters. Printed, scanned and read back, it must parse the same.
 */
async function opening(report: string, chars: number): Promise<string[]> {
  const { doc } = await readDocument(path.join(CORPUS_DIR, report));
  const out = [doc.meta.title];
  let section: number | null = null;
  let n = 0;
  for (const passage of doc.passages) {
    if (n > chars) break;
    if (passage.sectionIndex !== null && passage.sectionIndex !== section) {
      const s = doc.sections[passage.sectionIndex]!;
      out.push(s.level === 1 ? `${s.label}、${s.title}` : `（${s.label}）${s.title}`);
    }
    section = passage.sectionIndex;
    out.push(passage.text);
    n += passage.text.length;
  }
  return out;
}

describeCorpus('OCR of scanned report pages', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ocr-'));
    const paragraphs = await opening('national-2021.txt', 900);
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
  }, 120_000);

  it('reads a crooked, noisy photo of a page (JPEG): CER ≤ 3 %', async () => {
    fs.writeFileSync(file('photo.jpg'), await degrade(pages[0]!, 1.5));
    const photo = await readDocument(file('photo.jpg'));
    expect(photo.format).toBe('image');
    // The text version's passages that the first page holds, up to where the page ends.
    const read = joined(photo);
    const reference = joined(text).slice(0, read.replace(/\s+/g, '').length);
    expect(characterErrorRate(reference, read)).toBeLessThanOrEqual(0.03);
  }, 120_000);

  it('lays out a mixed PDF page by page: a typed page and a scanned one make one text', async () => {
    const typed = (await opening('national-2021.txt', 900)).slice(-3).join('\n');
    await scannedPdf([pages[0]!, typed], file('mixed.pdf'));
    const mixed = await readDocument(file('mixed.pdf'));
    expect(mixed.ocr?.pages).toBe(1);
    expect(joined(mixed)).toContain(typed.split('\n').at(-1)!.slice(0, 30));
    expect(joined(mixed)).toContain(passages(text)[1]!.slice(0, 20));
  }, 120_000);

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
  }, 120_000);

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
