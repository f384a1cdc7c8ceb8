import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIndicators, type IndicatorContext } from '../../../electron/main/ingest/parse/indicators';
import { rewriteChineseFigures } from '../../../electron/main/ingest/parse/chinese-figures';
import { chineseInteger } from '../../../electron/main/ingest/parse/numerals';
import { readingText } from '../../../electron/main/ingest/parse/number-text';
import { readDocument } from '../../../electron/main/ingest/read-document';
import { CORPUS_DIR, describeCorpus } from '../../helpers/corpus';
import { SEED_FILE } from './seed-fixture';

const source = (file: string) =>
  fs.readFileSync(file === 'huli-2021.txt' ? SEED_FILE : path.join(CORPUS_DIR, file), 'utf8');

const ctx: IndicatorContext = { period: null, status: null, reportYear: null };
type Row = [indicator: string | null, value: number, unit: string, change: string | null, qualifier?: string];

/**
 * Sentences as they stand in the corpus (each is checked to be in its file, so the table cannot
 * drift from the texts it claims to quote) and the indicators they hold: name, value, unit, change
 * word and qualifier. Only the rows listed are expected, in order.
 */
const CASES: { file: string; what: string; sentence: string; rows: Row[] }[] = [
  {
    file: 'national-2024.txt',
    what: 'a name never comes from an earlier clause that has a subject of its own (城镇新增就业)',
    sentence:
      '今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；',
    rows: [
      ['国内生产总值', 5, '%', '增长', '左右'],
      ['城镇新增就业', 1200, '万人', null, '以上'],
      ['城镇调查失业率', 5.5, '%', null, '左右'],
      ['居民消费价格涨幅', 3, '%', null, '左右'],
    ],
  },
  {
    file: 'national-2024.txt',
    what: 'a clause with no subject of its own continues the one before it',
    sentence: '国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。',
    rows: [
      ['国内生产总值', 126, '万亿元', null],
      ['国内生产总值', 5.2, '%', '增长'],
    ],
  },
  {
    file: 'national-2024.txt',
    what: 'a comparison clause continues its subject (比上年年初预算增加)',
    sentence: '赤字率拟按3%安排，赤字规模4.06万亿元，比上年年初预算增加1800亿元。',
    rows: [
      ['赤字率', 3, '%', null],
      ['赤字规模', 1800, '亿元', '增加'],
    ],
  },
  {
    file: 'national-1986.txt',
    what: 'percentages in Chinese numerals (百分之十一, 百分之八点一)',
    sentence:
      '在过去的五年中，我国工农业总产值平均每年增长百分之十一，其中工业总产值平均每年增长百分之十二（包括村办工业），农业总产值平均每年增长百分之八点一（不包括村办工业）；国民生产总值平均每年增长百分之十。',
    rows: [
      ['工农业总产值', 11, '%', '增长'],
      ['工业总产值', 12, '%', '增长'],
      ['农业总产值', 8.1, '%', '增长'],
      ['国民生产总值', 10, '%', '增长'],
    ],
  },
  {
    file: 'national-1986.txt',
    what: 'amounts in Chinese numerals with 亿 inside (三亿七千零六十二万吨)',
    sentence: '原煤产量由六亿二千万吨增加到八亿五千万吨',
    rows: [['原煤产量', 85000, '万吨', null]],
  },
  {
    file: 'cpc-20th-congress-2022.txt',
    what: 'Chinese-numeral levels, shares and percentage points',
    sentence:
      '国内生产总值从五十四万亿元增长到一百一十四万亿元，我国经济总量占世界经济的比重达百分之十八点五，提高七点二个百分点，稳居世界第二位；人均国内生产总值从三万九千八百元增加到八万一千元。',
    rows: [
      ['国内生产总值', 114, '万亿元', null],
      ['经济总量占世界经济的比重', 18.5, '%', null],
      ['经济总量占世界经济的比重', 7.2, '个百分点', '提高'],
      ['人均国内生产总值', 81000, '元', null],
    ],
  },
  {
    file: 'cpc-20th-congress-2022.txt',
    what: 'Chinese numerals before 万人',
    sentence: '城镇新增就业年均一千三百万人以上。',
    rows: [['城镇新增就业', 1300, '万人', null, '以上']],
  },
  {
    file: 'national-1954.txt',
    what: 'traditional characters and 增加了 (name simplified, comparison year left out)',
    sentence: '一九五三年全國完成的工業基本建設投資總額比較一九五二年增加了百分之九十六',
    rows: [['工业基本建设投资总额', 96, '%', '增加']],
  },
  {
    file: 'national-1956.txt',
    what: 'the name stands before 将 (将比上年提高)',
    sentence:
      '国营工业的劳动生产率将比上年提高１７．２％；国营工业和公私合营工业的生产成本将比上年降低８．２％；',
    rows: [
      ['国营工业的劳动生产率', 17.2, '%', '提高'],
      ['国营工业和公私合营工业的生产成本', 8.2, '%', '降低'],
    ],
  },
  {
    file: 'national-1956.txt',
    what: '万余人 read as a level in 万人, its comparison continuing it',
    sentence: '１９５５年高等学校在校学生达到２９万余人，比１９５４年增加１３％；',
    rows: [['高等学校在校学生', 13, '%', '增加']],
  },
  {
    file: 'guangdong-2026.txt',
    what: '、 after a figure in 亿人次 or 万标箱 starts a clause that continues it',
    sentence:
      '港口集装箱吞吐量达8097万标箱、增长4.5%，机场货邮吞吐量达459万吨、增长5.6%，铁路货运量达10042万吨、增长4.2%，铁路旅客发送量达4.4亿人次、增长5.8%。',
    rows: [
      ['港口集装箱吞吐量', 4.5, '%', '增长'],
      ['机场货邮吞吐量', 459, '万吨', null],
      ['机场货邮吞吐量', 5.6, '%', '增长'],
      ['铁路货运量', 10042, '万吨', null],
      ['铁路货运量', 4.2, '%', '增长'],
      ['铁路旅客发送量', 4.4, '亿人次', null],
      ['铁路旅客发送量', 5.8, '%', '增长'],
    ],
  },
  {
    file: 'guangdong-2026.txt',
    what: 'a class of counties (超千亿元县) is no figure',
    sentence: '惠州博罗成为生产总值超千亿元县。',
    rows: [],
  },
  {
    file: 'national-2025.txt',
    what: 'a long list of names keeps its name, and 分别增长 gives both figures their change',
    sentence: '信息传输软件和信息技术服务业、租赁和商务服务业增加值分别增长10.9%、10.4%。',
    rows: [
      ['信息传输软件和信息技术服务业、租赁和商务服务业增加值', 10.9, '%', '增长'],
      ['信息传输软件和信息技术服务业、租赁和商务服务业增加值', 10.4, '%', '增长'],
    ],
  },
  {
    file: 'national-2025.txt',
    what: 'digits inside a name (PM2.5)',
    sentence: '地级及以上城市细颗粒物（PM2.5）平均浓度下降2.7%',
    rows: [['地级及以上城市细颗粒物（PM2.5）平均浓度', 2.7, '%', '下降']],
  },
  {
    file: 'national-1956.txt',
    what: 'a share (占预算数的) is named after the subject before it, and quoted from 占',
    sentence: '经济建设费支出１３，７６２，０９０，０００元，占预算数的９６．９９％',
    rows: [
      ['经济建设费支出', 13762090000, '元', null],
      ['经济建设费支出占预算数', 96.99, '%', null],
    ],
  },
  {
    file: 'national-2022.txt',
    what: 'a size (规模) is the subject’s, and the growth after it too',
    sentence: '中央对地方转移支付增加约1.5万亿元、规模近9.8万亿元，增长18%、为多年来最大增幅',
    rows: [
      ['中央对地方转移支付', 1.5, '万亿元', '增加', '约'],
      ['中央对地方转移支付规模', 9.8, '万亿元', null, '近'],
      ['中央对地方转移支付规模', 18, '%', '增长'],
    ],
  },
  {
    file: 'sichuan-2026.txt',
    what: 'a share of the whole province is the region’s share',
    sentence: '成都平原经济区经济总量达到4万亿元、占全省比重达61.3%',
    rows: [
      ['成都平原经济区经济总量', 4, '万亿元', null],
      ['成都平原经济区经济总量占全省比重', 61.3, '%', null],
    ],
  },
  {
    file: 'sichuan-2026.txt',
    what: 'a class of counties (超千亿元的县域) is no figure',
    sentence: '经济总量超千亿元的县域达12个',
    rows: [],
  },
  {
    file: 'hulunbuir-hailar-2012.txt',
    what: '完成 between name and figure belongs to neither',
    sentence: '地区生产总值完成198.5亿元，同比增长22.3%',
    rows: [
      ['地区生产总值', 198.5, '亿元', null],
      ['地区生产总值', 22.3, '%', '同比增长'],
    ],
  },
  {
    file: 'hulunbuir-hailar-2012.txt',
    what: '人均 keeps its 均; an unnamed count with words after it borrows no name',
    sentence: '城镇年人均提高600元，农村年人均提高200元，均高于自治区标准',
    rows: [
      ['城镇年人均', 600, '元', '提高'],
      ['农村年人均', 200, '元', '提高'],
    ],
  },
  {
    file: 'hulunbuir-hailar-2012.txt',
    what: 'a count followed by what it counts (16公里自来水主管网) is not the investment’s',
    sentence: '投资1.3亿元实施自来水管网改造工程，要确保16公里自来水主管网复线',
    rows: [['投资', 1.3, '亿元', null]],
  },
  {
    file: 'national-2021.txt',
    what: 'the 将 of a disposal sentence is no part of the name',
    sentence: '将民航发展基金航空公司征收标准降低20%',
    rows: [['民航发展基金航空公司征收标准', 20, '%', '降低']],
  },
  {
    file: 'sichuan-2026.txt',
    what: '增长2倍多 continues the subject before it',
    sentence: '每万人口高价值发明专利拥有量达到9.3件、增长2倍多',
    rows: [['每万人口高价值发明专利拥有量', 2, '倍', '增长']],
  },
  {
    file: 'guizhou-2026.txt',
    what: 'from one year’s level to another’s: the level reached',
    sentence: '农产品加工转化率从2020年的51%提升到2025年的70%',
    rows: [['农产品加工转化率', 70, '%', null]],
  },
  {
    file: 'huli-2021.txt',
    what: 'a count in no unit (189起) still names the clause that continues it',
    sentence: '“城中村”黄赌警情同比减少189起、下降20.1%,4个重点小区完成乱象整治',
    rows: [['“城中村”黄赌警情', 20.1, '%', '下降']],
  },
];

describeCorpus('indicators of real sentences', () => {
  it.each(CASES)('$file: $what', ({ file, sentence, rows }) => {
    const text = source(file).replace(/\r\n/g, '\n');
    expect(text, `the sentence is in ${file}`).toContain(sentence);
    const got = extractIndicators(sentence, ctx).map((i) => {
      const row: Row = [i.indicator, i.value, i.unit, i.change];
      if (i.qualifier) row.push(i.qualifier);
      return row;
    });
    expect(got).toEqual(rows);
    for (const i of extractIndicators(sentence, ctx)) expect(sentence).toContain(i.title);
  });

  it('huli-2021.txt: a change from a base year is dated by the passage, not by the base year', () => {
    const sentence = '低保标准从2015年的550元增加到800元,增长45.5%';
    expect(source('huli-2021.txt')).toContain(sentence);
    const got = extractIndicators(sentence, { period: '2020', status: 'actual', reportYear: 2021 });
    expect(got.map((i) => [i.indicator, i.value, i.change, i.period])).toEqual([
      ['低保标准', 800, null, '2020'],
      ['低保标准', 45.5, '增长', '2020'],
    ]);
  });
});

describeCorpus('indicators in their document', () => {
  it('fujian-2026.txt: a part titled in slogans that opens on the year past is a review (actuals of 2025)', async () => {
    const { doc } = await readDocument(path.join(CORPUS_DIR, 'fujian-2026.txt'));
    const gdp = doc.measures.find((m) => m.title === '地区生产总值60199.45亿元')!;
    expect(gdp).toMatchObject({ indicator: '地区生产总值', status: 'actual', period: '2025' });
    const target = doc.measures.find((m) => m.title === '地区生产总值增长5%左右' && m.period === '2026');
    expect(target).toMatchObject({ status: 'target' });
  });
});

describe('figures in Chinese numerals', () => {
  it('reads whole numbers with 万 and 亿 sections', () => {
    const cases: [string, number | null][] = [
      ['十一', 11],
      ['一百一十七', 117],
      ['四百十一', 411],
      ['三千零六十八', 3068],
      ['两万', 20000],
      ['二万八千亿', 2.8e12],
      ['十亿四千万', 1.04e9],
      ['三亿二千三百八十万九千六百八十四', 323809684],
      ['十四五规划', null],
    ];
    for (const [numeral, value] of cases) expect(chineseInteger(numeral), numeral).toBe(value);
  });

  it('rewrites figures in digits and leaves numerals that are words alone', () => {
    const cases: [string, string][] = [
      ['增长百分之七点五', '增长7.5%'],
      ['百分之四百十一', '411%'],
      ['达到三千五百多万人', '达到3500多万人'],
      ['二十五亿七千多万元', '257000多万元'],
      ['五十四万亿元', '54万亿元'],
      ['十亿四千万人', '104000万人'],
      ['提高七点二个百分点', '提高7.2个百分点'],
      ['增长三倍', '增长3倍'],
      ['“十四五”时期，一带一路，第一，数十万人，上万人', '“十四五”时期，一带一路，第一，数十万人，上万人'],
    ];
    for (const [written, read] of cases) expect(rewriteChineseFigures(written).text, written).toBe(read);
  });

  it('keeps a map from the reading copy back to the text as written', () => {
    const written = '工業總産值平均每年遞增百分之三十六點九。';
    const { text, origin } = readingText(written);
    expect(text).toBe('工业总产值平均每年递增36.9%。');
    const at = text.indexOf('36.9%');
    expect(written.slice(origin[at], origin[at + '36.9%'.length - 1]! + 1)).toBe('百分之三十六點九');
  });
});
