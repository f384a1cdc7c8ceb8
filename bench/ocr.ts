/**
 * OCR speed and accuracy (`npm run bench`; BENCH_OCR=0 skips it, BENCH_OCR_CHARS sets how much of
 * each report is printed). The opening of several corpus reports is printed as 公文 pages (A4,
 * serif 16 pt), rasterised at 300 dpi, wrapped into image-only PDFs — clean, and crooked (1.5°)
 * with scanner noise as JPEG — and imported through the same reader as a user's file. Compared
 * with the text version: character error rate, and the share of passages with the same bounds.
 * Run alone: `npx tsx bench/ocr.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocument, type ReadResult } from '../electron/main/ingest/read-document';
import {
  characterErrorRate,
  degrade,
  printPages,
  rasterise,
  reportOpening,
  sameBoundaries,
  scannedPdf,
} from '../test/helpers/scanned-pages';
import { CORPUS_DIR } from './tiers';

const REPORTS = ['national-2021.txt', 'guangdong-2026.txt', 'hulunbuir-hailar-2019.txt'];
const CHARS = Number(process.env.BENCH_OCR_CHARS ?? 1200);

interface Row {
  report: string;
  variant: 'clean' | 'noisy';
  pages: number;
  seconds: number;
  cer: number;
  boundaries: number;
  passages: number;
}

const texts = (r: ReadResult) => r.doc.passages.map((p) => p.text);

export async function ocrBench(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-ocr-'));
  const rows: Row[] = [];
  try {
    for (const report of REPORTS) {
      const paragraphs = await reportOpening(path.join(CORPUS_DIR, report), CHARS);
      const stem = path.join(dir, report.replace(/\.txt$/, ''));
      fs.writeFileSync(`${stem}.txt`, paragraphs.join('\n'));
      const text = await readDocument(`${stem}.txt`);
      await printPages(paragraphs, `${stem}-printed.pdf`);
      const clean = rasterise(`${stem}-printed.pdf`);
      const variants = { clean, noisy: await Promise.all(clean.map((p, i) => degrade(p, 1.5, i + 1))) };
      for (const [variant, images] of Object.entries(variants) as [Row['variant'], Buffer[]][]) {
        const scan = `${stem}-${variant}.pdf`;
        await scannedPdf(images, scan);
        const started = performance.now();
        const read = await readDocument(scan);
        const seconds = (performance.now() - started) / 1000;
        rows.push({
          report,
          variant,
          pages: images.length,
          seconds,
          cer: characterErrorRate(texts(text).join(''), texts(read).join('')),
          boundaries: sameBoundaries(texts(text), texts(read)),
          passages: text.doc.passages.length,
        });
        const last = rows.at(-1)!;
        process.stderr.write(
          `ocr: ${report} ${variant}: ${last.pages} pages in ${seconds.toFixed(1)} s, CER ${pct(last.cer)}, bounds ${pct(last.boundaries)}\n`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return table(rows);
}

const pct = (n: number) => `${(n * 100).toFixed(2)} %`;

function table(rows: Row[]): string {
  const lines = [
    'OCR (scanned pages, 300 dpi, PP-OCRv4 on onnxruntime, 2 threads):',
    '',
    '| report | scan | pages | pages/s | CER | same passage bounds |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.report} | ${r.variant} | ${r.pages} | ${(r.pages / r.seconds).toFixed(3)} | ${pct(r.cer)} | ${pct(r.boundaries)} of ${r.passages} |`,
    );
  for (const variant of ['clean', 'noisy'] as const) {
    const mine = rows.filter((r) => r.variant === variant);
    const pages = mine.reduce((n, r) => n + r.pages, 0);
    const seconds = mine.reduce((n, r) => n + r.seconds, 0);
    const worst = Math.max(...mine.map((r) => r.cer));
    lines.push(
      `| all | ${variant} | ${pages} | ${(pages / seconds).toFixed(3)} | worst ${pct(worst)} | worst ${pct(Math.min(...mine.map((r) => r.boundaries)))} |`,
    );
  }
  lines.push(
    '',
    '- bar: CER ≤ 1 % clean, ≤ 3 % noisy (1.5° skew, blur, Gaussian noise σ 30, JPEG q75); ≥ 95 % of passages with the bounds of the text version.',
    '- pages/s: wall clock of the whole import read (PDF, image decode, OCR, layout, parse) on this machine, shared with other work.',
    '',
  );
  return lines.join('\n');
}

if (require.main === module) void ocrBench().then((t) => process.stdout.write(`${t}\n`));
