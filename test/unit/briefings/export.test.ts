import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../electron/main/annotations/service';
import { exportBriefing, previewBriefing } from '../../../electron/main/briefings/export';
import { addItem, createBriefing } from '../../../electron/main/briefings/service';
import { openDatabase } from '../../../electron/main/store/database';
import type { PrintOptions } from '../../../shared/domain/print';
import { runCli } from '../../helpers/cli';
import { addSeed, findText } from '../annotations/seed-library';
import { joined, pdfFonts, pdfText } from '../print/read-back';

const QUOTES = ['我区地处全市交通枢纽', '在530个小区(自然村)设置970个卡口', '地区生产总值1360亿元'];
const standard: PrintOptions = { layout: 'standard', notes: 'footnotes', highlightStyle: 'fill' };

let dir: string;
const db = openDatabase(':memory:');
let briefingId: string;
let citations: string[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-briefing-export-'));
  const doc = addSeed(db);
  const b = createBriefing(db, {
    title: '一季度学习材料',
    audience: '供党组理论学习中心组学习参考',
    date: '2021-03-01',
  });
  briefingId = b.id;
  addItem(db, { briefingId, addition: { kind: 'heading', text: '一、疫情防控', level: 1 } });
  const first = findText(db, doc, QUOTES[0]!);
  createAnnotation(db, { ...first, passageId: first.passage.id, note: '区位是防疫难点', color: 'red' });
  for (const [i, quote] of QUOTES.entries()) {
    if (i === 2) addItem(db, { briefingId, addition: { kind: 'heading', text: '二、经济运行', level: 1 } });
    const { passage, start, end } = findText(db, doc, quote);
    addItem(db, { briefingId, addition: { kind: 'excerpt', passageId: passage.id, start, end } });
  }
  const last = addItem(db, { briefingId, addition: { kind: 'note', text: '外防输入是首要任务。' } });
  citations = last.items.filter((i) => i.kind === 'excerpt').map((i) => i.citation);
});

describe('briefing export through the print pipeline', () => {
  it.each(['standard', 'gongwen'] as const)(
    'PDF (%s): every excerpt, citation, note and heading, fonts embedded',
    async (layout) => {
      const file = path.join(dir, `${layout}.pdf`);
      fs.writeFileSync(file, await exportBriefing(db, briefingId, { ...standard, layout }, 'pdf'));
      const text = joined(pdfText(file));
      for (const phrase of [
        ...QUOTES,
        ...citations,
        '一季度学习材料',
        '一、疫情防控',
        '二、经济运行',
        '外防输入是首要任务。',
        '区位是防疫难点',
      ])
        expect(text).toContain(phrase);
      const fonts = pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    },
  );

  it('DOCX reads back with its headings, footnote and every excerpt with its citation', async () => {
    const data = await exportBriefing(db, briefingId, standard, 'docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: data });
    expect(html).toMatch(/<h\d[^>]*>一、疫情防控<\/h\d>/);
    expect(html).toContain('区位是防疫难点');
    for (const phrase of [...QUOTES, ...citations]) expect(html.replace(/<[^>]+>/g, '')).toContain(phrase);
  });

  it('Markdown and HTML carry the same content', async () => {
    const md = (await exportBriefing(db, briefingId, standard, 'md')).toString('utf8');
    const html = (await exportBriefing(db, briefingId, standard, 'html')).toString('utf8');
    for (const out of [md, html])
      for (const phrase of [...QUOTES, ...citations, '外防输入是首要任务。']) expect(out).toContain(phrase);
    expect(html).not.toMatch(/<link[^>]+href=|<script[^>]+src=/);
  });

  it('previews the first page with its font substitutions', async () => {
    const preview = await previewBriefing(db, briefingId, { ...standard, layout: 'gongwen' }, 1);
    expect(preview.pageCount).toBeGreaterThanOrEqual(1);
    expect(preview.pages).toHaveLength(1);
    expect(preview.pages[0]!.runs.map((r) => r.text).join('')).toContain('一季度学习材料');
  });

  it('yandu briefing export writes the file the format names', async () => {
    const libFile = path.join(dir, 'cli.db');
    const imported = await runCli([
      'import',
      path.resolve(__dirname, '../../../resources/documents/huli-2021.txt'),
      '--db',
      libFile,
      '--json',
    ]);
    expect(imported.code).toBe(0);
    const created = (await runCli(['briefing', 'create', '导出测试', '--db', libFile, '--json'])).json<{
      id: string;
    }>();
    await runCli(['briefing', 'add', created.id, '--heading', '一、要点', '--db', libFile]);
    const out = path.join(dir, 'cli.docx');
    const run = await runCli([
      'briefing',
      'export',
      created.id,
      '--format',
      'docx',
      '--layout',
      'gongwen',
      '--notes',
      'endnotes',
      '--out',
      out,
      '--db',
      libFile,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ format: 'docx', layout: 'gongwen', notes: 'endnotes' });
    const { value } = await mammoth.convertToHtml({ path: out });
    expect(value).toContain('一、要点');
    const bad = await runCli([
      'briefing',
      'export',
      created.id,
      '--format',
      'odt',
      '--out',
      out,
      '--db',
      libFile,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format is one of pdf, docx, md, html');
  });
});
