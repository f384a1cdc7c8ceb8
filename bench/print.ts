/**
 * Print figures for `npm run bench` (run in a fresh process, so the first preview pays for finding
 * and opening the fonts as the app's first Ctrl+P does): the seed with an annotation on every third
 * passage, laid out and written to PDF in both layouts, and the first page of the preview.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnnotation } from '../electron/main/annotations/service';
import { createCore } from '../electron/main/core/app-core';
import { parseReport } from '../electron/main/ingest/report-parser';
import { exportAnnotatedPrint, previewAnnotatedPrint } from '../electron/main/print/service';
import { insertDocument } from '../electron/main/store/document-writer';
import { getDocumentBundle } from '../electron/main/store/document-reader';
import type { PrintLayout } from '../shared/domain/print';
import { SEED } from './tiers';

const COLORS = ['yellow', 'red', 'green', 'blue'] as const;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-print-'));
  const core = createCore({ databasePath: path.join(dir, 'library.db') });
  const { db } = core.ctx;
  const docId = insertDocument(db, parseReport(fs.readFileSync(SEED, 'utf8'), 'huli-2021.txt'), {
    file: SEED,
    format: 'txt',
  });
  const bundle = getDocumentBundle(db, docId)!;
  let notes = 0;
  bundle.passages.forEach((p, i) => {
    if (i % 3 !== 0 || p.text.length < 12) return;
    createAnnotation(db, {
      passageId: p.id,
      start: 2,
      end: 10,
      color: COLORS[i % COLORS.length],
      kind: i % 2 ? 'highlight' : 'underline',
      note: `第${++notes}条批注：与去年目标对照`,
    });
  });
  const rows: string[][] = [];
  // wall clock, and this process' CPU time: on a shared machine the second says what the code costs
  const time = async <T>(fn: () => T | Promise<T>) => {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const value = await fn();
    const used = process.cpuUsage(cpu);
    return { value, ms: performance.now() - t, cpu: (used.user + used.system) / 1000 };
  };
  const both = (r: { ms: number; cpu: number }) => `${ms(r.ms)} (CPU ${ms(r.cpu)})`;
  for (const layout of ['gongwen', 'standard'] as PrintLayout[]) {
    const job = {
      docId,
      scope: { kind: 'document' as const },
      options: { layout, notes: 'footnotes' as const, highlightStyle: 'fill' as const },
    };
    const first = await time(() => previewAnnotatedPrint(db, job, 1));
    const again = await time(() => previewAnnotatedPrint(db, job, 1));
    const pdf = await time(() => exportAnnotatedPrint(db, job, 'pdf'));
    const docx = await time(() => exportAnnotatedPrint(db, job, 'docx'));
    const pages = first.value.pageCount;
    rows.push([
      layout,
      String(pages),
      String(notes),
      both(first),
      both(again),
      both(pdf),
      `${(pdf.value.length / 1024).toFixed(0)} KB`,
      both(docx),
    ]);
  }
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const header = [
    'print (seed, every 3rd passage annotated)',
    'pages',
    'notes',
    'preview p.1 (first, fonts found)',
    'preview p.1 (again)',
    'PDF',
    'PDF size',
    'DOCX',
  ];
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  process.stdout.write(
    `${JSON.stringify({ table: `${table}\n- targets: a 30-page annotated print ≤ 5 s to PDF; the preview's first page ≤ 1 s. Wall clock, with this process' CPU time in brackets.\n` })}\n`,
  );
}

function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`;
}

void main();
