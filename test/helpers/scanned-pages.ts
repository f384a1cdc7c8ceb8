import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { readDocument } from '../../electron/main/ingest/read-document';
import { withChromiumPage } from '../unit/ingest/format-fixtures';

/**
 * Scans made from text, for the OCR tests and bench: paragraphs printed the way a 公文 is (A4,
 * serif 16 pt, first-line indent, page numbers), rasterised at 300 dpi by poppler, and optionally
 * laid crooked with scanner noise; then wrapped into an image-only PDF as a scanner stores it.
 */

/**
 * A report's opening as its text version has it: the title, then passages with their section
 * headings, up to `chars` characters. Printed, scanned and read back, it must parse the same.
 */
export async function reportOpening(report: string, chars: number): Promise<string[]> {
  const { doc } = await readDocument(report);
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

const A4 = { width: 595.28, height: 841.89 };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Paragraphs printed to a PDF with a text layer; a paragraph may be a heading (`# ` prefix). */
export async function printPages(paragraphs: string[], file: string): Promise<void> {
  const html = paragraphs
    .map((p) => (p.startsWith('# ') ? `<h2>${escape(p.slice(2))}</h2>` : `<p>${escape(p)}</p>`))
    .join('\n');
  await withChromiumPage(async (page) => {
    await page.setContent(
      `<html lang="zh-CN"><head><meta charset="utf-8"><style>
        body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.65; }
        p { margin: 0; text-indent: 2em; text-align: justify; }
        h2 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
      </style></head><body>${html}</body></html>`,
    );
    await page.pdf({
      path: file,
      format: 'A4',
      margin: { top: '30mm', bottom: '30mm', left: '28mm', right: '26mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:12pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
    });
  });
}

/** Each page of a PDF as a 300 dpi grey PNG (poppler's pdftoppm). */
export function rasterise(pdf: string, dpi = 300, pages?: { first: number; last: number }): Buffer[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-raster-'));
  try {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', ...range, pdf, path.join(dir, 'p')]);
    return fs
      .readdirSync(dir)
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, f)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A page as a crooked, noisy scan: turned by `degrees`, softened, Gaussian noise (σ = 30 grey
 * levels, from a fixed seed so every run sees the same page) and saved as a JPEG.
 */
export async function degrade(png: Buffer, degrees = 1.5, seed = 7): Promise<Buffer> {
  const { data, info } = await sharp(png)
    .grayscale()
    .rotate(degrees, { background: '#ffffff' })
    .blur(0.8)
    .raw()
    .toBuffer({ resolveWithObject: true });
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < data.length; i++) {
    const gauss = Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());
    data[i] = Math.max(0, Math.min(255, data[i]! + gauss * 30));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .jpeg({ quality: 75 })
    .toBuffer();
}

/**
 * An image-only PDF, one A4 page per image, as a scanner writes it; a `string` page is set as
 * text instead (a mixed PDF: some pages typed, some scanned).
 */
export function scannedPdf(pages: (Buffer | string)[], file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
    const out = fs.createWriteStream(file);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
    for (const page of pages) {
      doc.addPage({ size: 'A4', margin: 0 });
      if (typeof page === 'string') {
        doc
          .font('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular')
          .fontSize(16);
        for (const p of page.split('\n'))
          doc.text(p, 80, undefined, { width: A4.width - 160, indent: 32, lineGap: 10 });
      } else doc.image(page, 0, 0, { width: A4.width, height: A4.height });
    }
    doc.end();
  });
}

/** Character error rate: edit distance over the reference's length, whitespace ignored. */
export function characterErrorRate(reference: string, hypothesis: string): number {
  const a = [...reference.replace(/\s+/g, '')];
  const b = [...hypothesis.replace(/\s+/g, '')];
  if (!a.length) return b.length ? 1 : 0;
  let previous = new Int32Array(b.length + 1).map((_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    [previous, current] = [current, previous];
  }
  return previous[b.length]! / a.length;
}

/**
 * The share of the text version's passages that OCR gave the same boundaries: walking both in
 * order, a passage counts when one of the next few OCR passages matches it within `tolerance`
 * CER (a stray misread character does not move a boundary; a merge or a split does).
 */
export function sameBoundaries(text: string[], ocr: string[], tolerance = 0.03): number {
  let j = 0;
  let same = 0;
  for (const passage of text) {
    for (let k = j; k < Math.min(ocr.length, j + 4); k++) {
      if (characterErrorRate(passage, ocr[k]!) <= tolerance) {
        same++;
        j = k + 1;
        break;
      }
    }
  }
  return text.length ? same / text.length : 1;
}
