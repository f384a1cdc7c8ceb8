import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_LINE_END, NO_LINE_START } from '../../../electron/main/print/line-break';
import { runCli } from '../../helpers/cli';
import { SEED_FILE } from '../annotations/seed-library';
import { joined, pdfFonts, pdfLines, pdfText } from './read-back';

const MM = 72 / 25.4;
let dir: string;
let db: string;
let doc: string;

/** What the seed is annotated with: phrase, colour, kind, note, tag. */
const MARKS = [
  { phrase: '地区生产总值1360亿元', color: 'red', kind: 'highlight', note: '需跟踪完成情况', tag: '指标' },
  { phrase: '我区地处全市交通枢纽', color: 'blue', kind: 'underline', note: '', tag: '' },
  {
    phrase: '扎实做好“六稳”工作',
    color: 'yellow',
    kind: 'highlight',
    note: '六稳六保是学习重点',
    tag: '指标',
  },
  { phrase: '实现本地疫情全面清零', color: 'green', kind: 'note', note: '防疫成效', tag: '防疫' },
];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-print-'));
  db = path.join(dir, 'lib.db');
  const imported = await runCli(['import', SEED_FILE, '--db', db, '--json']);
  doc = imported.json<{ imported: { id: string }[] }>().imported[0]!.id;
  const bundle = (await runCli(['export', doc, '--db', db, '--json'])).json<{
    passages: { id: string; text: string }[];
  }>();
  for (const m of MARKS) {
    const p = bundle.passages.find((x) => x.text.includes(m.phrase));
    if (!p) throw new Error(`seed lacks ${m.phrase}`);
    const start = p.text.indexOf(m.phrase);
    const args = ['annotate', p.id, '--start', String(start), '--end', String(start + m.phrase.length)];
    args.push('--color', m.color, '--kind', m.kind, '--db', db);
    if (m.note) args.push('--note', m.note);
    if (m.tag) args.push('--tag', m.tag);
    expect((await runCli(args)).code).toBe(0);
  }
}, 60_000);

async function print(...args: string[]): Promise<string> {
  const out = path.join(
    dir,
    `${args.join('_').replace(/[^\w]+/g, '-')}.${args.includes('docx') ? 'docx' : 'pdf'}`,
  );
  const run = await runCli(['print', doc, ...args, '--out', out, '--db', db, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

const citationPattern = /《2021年湖里区人民政府工作报告》[一二三四五六七八九十（）]*第\d+段/g;

describe('yandu print', () => {
  it('prints every highlighted phrase, each note with its number, each citation and the 名词解释 appendix', async () => {
    const file = await print('--annotated');
    const text = joined(pdfText(file));
    for (const m of MARKS) expect(text).toContain(m.phrase.replace(/\s/g, ''));
    const notes = MARKS.filter((m) => m.note);
    // numbered in reading order
    const numbered = notes.map((m) => text.indexOf(m.phrase)).every((i) => i >= 0);
    expect(numbered).toBe(true);
    for (const m of notes) expect(text).toMatch(new RegExp(`\\[\\d\\] ?${m.note}`));
    const numbers = notes.map((m) => Number(new RegExp(`\\[(\\d)\\] ?${m.note}`).exec(text)?.[1])).sort();
    expect(numbers).toEqual(notes.map((_, i) => i + 1));
    // one citation per excerpt: four marked passages (two marks share none)
    const citations = text.match(citationPattern) ?? [];
    expect(new Set(citations).size).toBe(4);
    expect(text).toContain('名词解释');
    expect(text).toContain('六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。');
    expect(text).toContain('打印日期：');
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true });
  });

  it('prints only the annotations with a tag, and notes after each excerpt when asked', async () => {
    const text = joined(pdfText(await print('--tag', '指标', '--notes', 'endnotes')));
    expect(text).toContain('地区生产总值1360亿元');
    expect(text).not.toContain('我区地处全市交通枢纽');
    // endnotes: the note follows its excerpt's citation, before the next excerpt
    const cite = text.indexOf('第2段[');
    expect(cite).toBeGreaterThan(0);
    expect(text.indexOf('需跟踪完成情况')).toBeGreaterThan(text.indexOf('地区生产总值1360亿元'));
  });

  it('lays out the 公文 grid: A4, type area 156 × 225 mm at 37 / 28 mm, 22 lines of 28 characters, page numbers outside', async () => {
    const file = await print('--layout', 'gongwen');
    const pages = pdfLines(file);
    expect(pages.length).toBeGreaterThan(5);
    // the 仿宋 stand-in's ascent as written in the PDF's font descriptor, to find the em box inside pdftotext's box
    const { preparePrintFonts } = await import('../../../electron/main/print/fonts');
    const face = (await preparePrintFonts()).roles.fangsong.font;
    const ascent = face.ascent / face.unitsPerEm;
    const descent = -face.descent / face.unitsPerEm;
    // pdftotext's box spans the face's ascent and descent; the em box (where the grid puts type) lies inside it
    const size = (l: { yMin: number; yMax: number }) => (l.yMax - l.yMin) / (ascent + descent);
    const emTop = (l: { yMin: number; yMax: number }) => l.yMin + (ascent - 0.88) * size(l);
    let fullPages = 0;
    let fullLines = 0;
    for (const [i, page] of pages.entries()) {
      expect(page.width).toBeCloseTo(595.28, 0);
      expect(page.height).toBeCloseTo(841.89, 0);
      const footer = page.lines.filter((l) => l.yMin > 262 * MM);
      const body = page.lines.filter((l) => l.yMin <= 262 * MM);
      expect(footer.map((l) => l.text.replace(/\s/g, ''))).toEqual([`—${i + 1}—`]);
      const number = footer[0]!;
      if ((i + 1) % 2 === 1) expect(number.xMax / MM).toBeCloseTo(184 - 14 / MM, 0);
      else expect(number.xMin / MM).toBeCloseTo(28 + 14 / MM, 0);
      expect(emTop(number) / MM).toBeCloseTo(262 + 7, 0);
      for (const l of body) {
        expect(l.xMin / MM).toBeGreaterThan(27.9);
        expect(l.xMax / MM).toBeLessThan(184.2);
        expect(NO_LINE_START.has(l.text[0]!), `line starts with ${l.text[0]}: ${l.text}`).toBe(false);
        expect(NO_LINE_END.has(l.text[l.text.length - 1]!), `line ends with opening mark: ${l.text}`).toBe(
          false,
        );
        const cjk = [...l.text].every((c) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]/.test(c));
        if (
          cjk &&
          l.text.length === 28 &&
          Math.abs(l.xMax / MM - 184) < 0.3 &&
          Math.abs(l.xMin / MM - 28) < 0.3
        )
          fullLines++;
        if (cjk) expect(l.text.length).toBeLessThanOrEqual(28);
      }
      if (i > 0) expect(emTop(body[0]!) / MM).toBeCloseTo(37, 0);
      if (body.length === 22) {
        fullPages++;
        // the 22nd line's em box (16 pt) ends on the type area's bottom edge
        expect(emTop(body[21]!) / MM + 16 / MM).toBeCloseTo(262, 0);
      }
      expect(body.length).toBeLessThanOrEqual(22);
    }
    expect(fullPages).toBeGreaterThan(pages.length / 2);
    expect(fullLines).toBeGreaterThan(10);
    for (const f of pdfFonts(file)) expect(f, f.name).toMatchObject({ embedded: true });
  });

  it('exports DOCX that a reader opens with headings, footnotes, every excerpt and its citation', async () => {
    const file = await print('--annotated', '--format', 'docx');
    const { value: html } = await mammoth.convertToHtml({ path: file });
    expect(html).toMatch(/<h1>[^<]*2020年和“十三五”工作回顾<\/h1>/);
    expect(html).toMatch(/<h2>（一）疫情防控工作取得显著成效<\/h2>/);
    expect(html).toMatch(/<li id="footnote-1">\s*<p>[^<]*需跟踪完成情况|footnote-\d+">\s*<p>需跟踪完成情况/);
    const text = joined(html.replace(/<[^>]+>/g, ''));
    for (const m of MARKS) expect(text).toContain(m.phrase);
    expect(new Set(text.match(citationPattern)).size).toBe(4);
    expect(text).toContain('名词解释');
  });

  it('refuses bad options with a usage error and writes nothing', async () => {
    const out = path.join(dir, 'bad.pdf');
    const run = await runCli(['print', doc, '--layout', 'fancy', '--out', out, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--layout/);
    expect(fs.existsSync(out)).toBe(false);
    const missing = await runCli(['print', 'nope', '--out', out, '--db', db]);
    expect(missing.code).not.toBe(0);
    expect(fs.existsSync(out)).toBe(false);
  });
});
