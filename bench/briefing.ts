/**
 * Briefing figures for `npm run bench` (own process): a briefing of 50 excerpts of the seed (whole
 * passages, every third with an annotation note, a heading every ten, a comment every five) written
 * through the print pipeline to PDF in both layouts and to DOCX.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnnotation } from '../electron/main/annotations/service';
import { exportBriefing } from '../electron/main/briefings/export';
import { addItem, createBriefing } from '../electron/main/briefings/service';
import { createCore } from '../electron/main/core/app-core';
import { parseReport } from '../electron/main/ingest/report-parser';
import { getDocumentBundle } from '../electron/main/store/document-reader';
import { insertDocument } from '../electron/main/store/document-writer';
import type { ExportFormat, PrintLayout } from '../shared/domain/print';
import { SEED } from './tiers';

const EXCERPTS = 50;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-briefing-'));
  const core = createCore({ databasePath: path.join(dir, 'library.db') });
  const { db } = core.ctx;
  const docId = insertDocument(db, parseReport(fs.readFileSync(SEED, 'utf8'), 'huli-2021.txt'), {
    file: SEED,
    format: 'txt',
  });
  const passages = getDocumentBundle(db, docId)!.passages.filter((p) => p.text.length >= 12);
  const { id } = createBriefing(db, { title: '学习材料（基准）', audience: '供学习参考' });
  for (let i = 0; i < EXCERPTS; i++) {
    // The seed has fewer long passages than 50: later rounds quote the second half of each.
    const p = passages[i % passages.length]!;
    const start = i < passages.length ? 0 : Math.floor(p.text.length / 2);
    if (i % 10 === 0)
      addItem(db, { briefingId: id, addition: { kind: 'heading', text: `第${i / 10 + 1}部分` } });
    if (i % 3 === 0)
      createAnnotation(db, {
        passageId: p.id,
        start: start + 2,
        end: start + 10,
        note: `第${i}条摘录的批注`,
      });
    addItem(db, { briefingId: id, addition: { kind: 'excerpt', passageId: p.id, start } });
    if (i % 5 === 4)
      addItem(db, { briefingId: id, addition: { kind: 'note', text: '以上几条可对照去年目标。' } });
  }
  const rows: string[][] = [];
  const jobs: [PrintLayout, ExportFormat][] = [
    ['standard', 'pdf'],
    ['gongwen', 'pdf'],
    ['standard', 'docx'],
    ['gongwen', 'docx'],
  ];
  for (const [layout, format] of jobs) {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const data = await exportBriefing(db, id, { layout, notes: 'footnotes', highlightStyle: 'fill' }, format);
    const used = process.cpuUsage(cpu);
    const target = format === 'pdf' ? '≤ 5 s' : '≤ 2 s';
    rows.push([
      `${format.toUpperCase()} ${layout}`,
      seconds(performance.now() - wall),
      seconds((used.user + used.system) / 1000),
      `${(data.length / 1024).toFixed(0)} KB`,
      target,
    ]);
  }
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const header = [`briefing (${EXCERPTS} excerpts of the seed)`, 'wall', 'CPU', 'size', 'target'];
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  process.stdout.write(`${JSON.stringify({ table: `${table}\n` })}\n`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

void main();
