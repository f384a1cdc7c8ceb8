import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../../electron/main/ingest/read-document';
import { makeDocx, type StyledParagraph } from './format-fixtures';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-docx-headings-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const h1 = (text: string): StyledParagraph => ({ text, style: 'Heading1' });
const h2 = (text: string): StyledParagraph => ({ text, style: 'Heading2' });

/** A report from an office: title and date, headings set in Word's heading styles without numbers. */
const REPORT: (string | StyledParagraph)[] = [
  '2025年某县人民政府工作报告',
  '——2025年1月8日在某县第十八届人民代表大会第五次会议上',
  '各位代表：',
  '现在，我代表县人民政府向大会报告工作，请予审议。',
  h1('过去一年的工作'),
  '过去一年，全县上下攻坚克难，经济社会发展稳中有进。',
  h2('经济运行稳中向好'),
  '全县地区生产总值增长5.2%，一般公共预算收入增长3.1%。',
  '工业投资增长8%，新开工项目45个。',
  h2('民生保障更加有力'),
  '城镇新增就业3200人，城镇调查失业率5.1%。',
  h1('今年的主要任务'),
  '今年全县经济社会发展的主要预期目标是：地区生产总值增长5%左右。',
  h2('抓好项目建设'),
  '全年安排重点项目60个，完成投资120亿元。',
];

async function parse(name: string, paragraphs: (string | StyledParagraph)[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await makeDocx(paragraphs));
  return (await readDocument(file)).doc;
}

describe('DOCX heading styles', () => {
  it('opens a section for each Heading 1 / Heading 2 paragraph that carries no number', async () => {
    const doc = await parse('styled.docx', REPORT);
    expect(doc.meta.title).toBe('2025年某县人民政府工作报告');
    expect(doc.sections.map((s) => [s.level, s.title, s.parentIndex])).toEqual([
      [1, '过去一年的工作', null],
      [2, '经济运行稳中向好', 0],
      [2, '民生保障更加有力', 0],
      [1, '今年的主要任务', null],
      [2, '抓好项目建设', 3],
    ]);
    const under = (title: string) =>
      doc.passages
        .filter((p) => p.sectionIndex === doc.sections.findIndex((s) => s.title === title))
        .map((p) => p.text);
    expect(under('经济运行稳中向好')).toEqual([
      '全县地区生产总值增长5.2%，一般公共预算收入增长3.1%。',
      '工业投资增长8%，新开工项目45个。',
    ]);
    expect(under('抓好项目建设')).toEqual(['全年安排重点项目60个，完成投资120亿元。']);
    // Headings are not passages, and the parts read as review and plan by their titles.
    expect(doc.passages.map((p) => p.text)).not.toContain('过去一年的工作');
    const gdp = doc.measures.filter((m) => m.indicator === '地区生产总值');
    expect(gdp.map((m) => [m.value, m.status])).toEqual([
      [5.2, 'actual'],
      [5, 'target'],
    ]);
  });

  it('without the styles the same paragraphs have no outline: the style is what counts', async () => {
    const plain = REPORT.map((p) => (typeof p === 'string' ? p : p.text));
    const doc = await parse('plain.docx', plain);
    expect(doc.sections).toEqual([]);
    expect(doc.passages.map((p) => p.text)).toContain('经济运行稳中向好');
  });

  it('keeps numbered headings numbered, and a styled unnumbered heading beside them', async () => {
    const doc = await parse('mixed.docx', [
      '2025年某县人民政府工作报告',
      h1('一、2024年工作回顾'),
      '（一）产业发展提质增效。全县规上工业增加值增长7%。',
      '（二）城乡面貌持续改善。新建改建农村公路120公里。',
      h2('专栏：十件民生实事完成情况'),
      '十件民生实事全部完成。',
      h1('二、2025年工作安排'),
      '（一）扩大有效投资。全年完成固定资产投资增长6%。',
      h1('结语'),
      '让我们团结一心，奋力开创新局面！',
    ]);
    expect(doc.sections.map((s) => [s.level, s.label, s.title, s.parentIndex])).toEqual([
      [1, '一', '2024年工作回顾', null],
      [2, '一', '产业发展提质增效', 0],
      [2, '二', '城乡面貌持续改善', 0],
      [2, '专栏：十件民生实事完成情况', '专栏：十件民生实事完成情况', 0],
      [1, '二', '2025年工作安排', null],
      [2, '一', '扩大有效投资', 4],
      [1, '结语', '结语', null],
    ]);
  });

  it('does not make a heading of a whole paragraph set in a heading style', async () => {
    const doc = await parse('misused.docx', [
      '2025年某县人民政府工作报告',
      h1('过去一年的工作'),
      h2('全县地区生产总值增长5.2%。一般公共预算收入增长3.1%，经济运行稳中向好。'),
    ]);
    expect(doc.sections.map((s) => s.title)).toEqual(['过去一年的工作']);
    expect(doc.passages.map((p) => p.text)).toEqual([
      '全县地区生产总值增长5.2%。一般公共预算收入增长3.1%，经济运行稳中向好。',
    ]);
  });
});
