import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../electron/main/ingest/report-parser';

const outline = (text: string) =>
  parseReport(text, 'x.txt').sections.map((s) => `${'  '.repeat(s.level - 1)}${s.label} ${s.title}`);

describe('title blocks as the corpus has them', () => {
  it('splits a title glued to its meeting line and speaker', () => {
    const doc = parseReport(
      '政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上国务院总理 李强\n各位代表：\n现在，我代表国务院，向大会报告政府工作。\n',
      'n.txt',
    );
    expect(doc.meta).toMatchObject({
      title: '2024年政府工作报告',
      date: '2024-03-05',
      level: 'national',
      speaker: '李强',
      speakerOffice: '国务院总理',
      issuer: '国务院',
      meeting: '2024年3月5日在第十四届全国人民代表大会第二次会议上',
    });
  });

  it('joins a title broken mid-word and a name on the line after the office', () => {
    const doc = parseReport(
      '\u200b\n\n政府工作报\n告\n\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n\n国务院总理\n\u3000李克强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n',
      'n.txt',
    );
    expect(doc.meta).toMatchObject({ title: '2021年政府工作报告', speaker: '李克强', date: '2021-03-05' });
    expect(doc.passages.map((p) => p.text)).toEqual([
      '各位代表：',
      '现在，我代表国务院，向大会报告政府工作。',
    ]);
  });

  it('drops toolbars, photo captions and source lines, and completes a bare 政府工作报告', () => {
    const doc = parseReport(
      [
        '下载',
        '打印',
        '【字号：',
        '加大',
        '】',
        '政府工作报告',
        '――2026年1月27日在青海省第十四届人民代表大会第四次会议上',
        '省长 罗东川',
        '2026-01-31 07:00:44',
        '来源:',
        '青海日报',
        '省长作政府工作报告。本报记者 林 君摄',
        '各位代表：',
        '现在，我代表省人民政府向大会报告工作。',
      ].join('\n'),
      'q.txt',
    );
    expect(doc.meta).toMatchObject({
      title: '2026年青海省政府工作报告',
      level: 'province',
      speaker: '罗东川',
      date: '2026-01-27',
    });
    expect(doc.passages).toHaveLength(2);
  });

  it('reads title lines that name no report together', () => {
    const doc = parseReport(
      '高举中国特色社会主义伟大旗帜\n\n为全面建设社会主义现代化国家而团结奋斗\n\n——在中国共产党第二十次全国代表大会上的报告\n\n（2022年10月16日）\n\n习　近　平\n\n同志们：\n\n现在，我代表第十九届中央委员会向大会作报告。\n',
      'c.txt',
    );
    expect(doc.meta).toMatchObject({
      title: '高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗',
      speaker: '习近平',
      date: '2022-10-16',
      level: 'national',
      issuer: '第十九届中央委员会',
    });
  });
});

describe('glossaries in all their forms', () => {
  const body =
    '各位代表：\n一、工作回顾\n全面落实“四上”企业培育，推进“五网合一”［1］示范，推动ESI［2］排名提升。\n';

  it('reads ［N］term： with the definition on the next line, markers bracketed', () => {
    const doc = parseReport(
      `${body}注释\n［1］五网合一：\n将水、电、光、气网融入路网。\n［2］ESI：\n基本科学指标数据库。\n`,
      'h.txt',
    );
    expect(doc.glossary).toEqual([
      { number: 1, term: '五网合一', definition: '将水、电、光、气网融入路网。' },
      { number: 2, term: 'ESI', definition: '基本科学指标数据库。' },
    ]);
    expect(doc.passages.flatMap((p) => p.footnotes)).toHaveLength(2);
    expect(doc.passages.at(-1)!.text).not.toMatch(/［/);
  });

  it('reads an appendix glossary and links its terms to mentions; the other appendix stays apart', () => {
    const doc = parseReport(
      `${body.replace(/［\d］/g, '')}附件1\n2026年十件民生实事\n一、提高低保标准。\n附件2\n名词解释\n1.“四上”企业：\n规模以上工业等企业的统称。\n2.五网合一：将水、电、光、气网\n融入路网。\n`,
      'g.txt',
    );
    expect(doc.glossary.map((g) => [g.number, g.term, g.definition])).toEqual([
      [1, '“四上”企业', '规模以上工业等企业的统称。'],
      [2, '五网合一', '将水、电、光、气网融入路网。'],
    ]);
    expect(doc.passages.filter((p) => p.kind === 'appendix').map((p) => p.text)).toEqual([
      '附件1',
      '2026年十件民生实事',
      '一、提高低保标准。',
    ]);
    expect(doc.sections.map((s) => s.title)).toEqual(['工作回顾']);
    const mentions = doc.passages.flatMap((p) => p.footnotes);
    expect(mentions.map((m) => [m.glossaryIndex, m.source])).toEqual([
      [0, 'mention'],
      [1, 'mention'],
    ]);
  });
});

describe('outlines the corpus has', () => {
  it('nests a list that restarts inside a part and closes it when the parts go on', () => {
    expect(
      outline(
        [
          '各位代表：',
          '',
          '一、回顾',
          '',
          '正文。',
          '',
          '二、方针',
          '',
          '（一）',
          '进一步创造良好环境。',
          '',
          '（二）',
          '保持稳定增长。',
          '',
          '一、确定适度的增长率',
          '',
          '正文。',
          '',
          '二、规定恰当的投资规模',
          '',
          '一、',
          '继续增加能源投资。',
          '',
          '二、',
          '控制非生产性投资。',
          '',
          '三、',
          '更新改造现有企业。',
          '',
          '四、',
          '合理安排地区布局。',
          '',
          '三、坚持科技进步',
          '',
          '正文。',
          '',
          '三、经济体制改革',
          '',
          '正文。',
          '',
          '结束语',
          '',
          '各位代表！',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      '一 回顾',
      '二 方针',
      '  一 进一步创造良好环境',
      '  二 保持稳定增长',
      '  一 确定适度的增长率',
      '  二 规定恰当的投资规模',
      '    一 继续增加能源投资',
      '    二 控制非生产性投资',
      '    三 更新改造现有企业',
      '    四 合理安排地区布局',
      '  三 坚持科技进步',
      '三 经济体制改革',
      '结束语 结束语',
    ]);
  });

  it('reads 第一，… ordinals, run-in sections and keeps numbering across an address', () => {
    const doc = parseReport(
      '各位代表：\n\n一、工作建议\n\n第一，稳定农业\n\n正文一。\n\n各位代表！要团结。\n\n第二，改革国企\n\n正文二。\n\n二、外交\n\n（一）坚持和平。我们坚持和平外交政策。\n',
      'x.txt',
    );
    expect(doc.sections.map((s) => [s.level, s.label, s.title])).toEqual([
      [1, '一', '工作建议'],
      [2, '一', '稳定农业'],
      [2, '二', '改革国企'],
      [1, '二', '外交'],
      [2, '一', '坚持和平'],
    ]);
    const section = (text: string) =>
      doc.sections[doc.passages.find((p) => p.text === text)!.sectionIndex!]!.title;
    expect(section('各位代表！要团结。')).toBe('工作建议');
    expect(section('我们坚持和平外交政策。')).toBe('坚持和平');
  });
});

describe('paragraphs', () => {
  it('rejoins sentences split by link markup, in files with blank lines between paragraphs', () => {
    const doc = parseReport(
      '各位代表：\n\n通过了根本法——\n中華人民共和國憲法\n，接着又通过了几个法律。\n\n第二段。\n',
      'w.txt',
    );
    expect(doc.passages.map((p) => p.text)).toEqual([
      '各位代表：',
      '通过了根本法——中華人民共和國憲法，接着又通过了几个法律。',
      '第二段。',
    ]);
  });

  it('joins fragments in files with one paragraph per line, and lines split by zero-width lines', () => {
    const doc = parseReport(
      '各位代表：\n细颗粒物PM\n2.5\n年平均浓度下降。\n交出一份人\n\u200b\n民满意的答卷。\n',
      'l.txt',
    );
    expect(doc.passages.map((p) => p.text)).toEqual([
      '各位代表：',
      '细颗粒物PM2.5年平均浓度下降。',
      '交出一份人民满意的答卷。',
    ]);
  });

  it('makes a lead phrase standing on its own line the lead of the paragraph after it', () => {
    const doc = parseReport(
      '各位代表：\n一、回顾\n生态底色更加亮丽。\n始终坚持生态优先、绿色发展。\n',
      'q.txt',
    );
    expect(doc.passages.at(-1)).toMatchObject({
      lead: '生态底色更加亮丽',
      text: '生态底色更加亮丽。始终坚持生态优先、绿色发展。',
    });
  });
});
