import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseIndicator } from '../../../electron/main/ledger/indicator-names';
import { readOutcomes } from '../../../electron/main/ledger/outcome-reader';
import { judge } from '../../../electron/main/ledger/verdict';
import { CORPUS_DIR, describeCorpus } from '../../helpers/corpus';

describe('indicator names normalised', () => {
  it.each([
    ['城镇调查失业率', '城镇调查失业率'],
    ['全国城镇调查失业率', '城镇调查失业率'],
    ['年末全国城镇调查失业率', '城镇调查失业率'],
    ['城镇登记失业率', '城镇登记失业率'],
    ['居民消费价格涨幅', '居民消费价格涨幅'],
    ['居民消费价格上涨', '居民消费价格涨幅'],
    ['单位国内生产总值能耗降低', '单位国内生产总值能耗'],
    ['单位国内生产总值能耗', '单位国内生产总值能耗'],
    ['能耗降幅', '单位国内生产总值能耗'],
    ['国内生产总值', '国内生产总值'],
    ['全年国内生产总值', '国内生产总值'],
    ['地区生产总值', '地区生产总值'],
    ['全市地区生产总值', '地区生产总值'],
    ['城镇新增就业', '城镇新增就业'],
    ['粮食产量', '粮食产量'],
    // A name that is more than the indicator stays itself: never merged into 能耗 or GDP.
    ['单位国内生产总值能耗和二氧化碳排放', '单位国内生产总值能耗和二氧化碳排放'],
    ['数字经济核心产业增加值占国内生产总值比重', '数字经济核心产业增加值占国内生产总值比重'],
    ['财政赤字规模', '财政赤字规模'],
  ])('%s → %s', (name, key) => {
    expect(normaliseIndicator(name).key).toBe(key);
  });
});

/** Sentences copied from the corpus, with the outcome each states for the indicator. */
const SENTENCES: [
  file: string,
  sentence: string,
  key: string,
  value: number,
  unit: string,
  qualifier: string | null,
][] = [
  [
    'national-2021.txt',
    '城镇新增就业1186万人，年末全国城镇调查失业率降到5.2％。',
    '城镇调查失业率',
    5.2,
    '%',
    null,
  ],
  [
    'national-2021.txt',
    '城镇新增就业1186万人，年末全国城镇调查失业率降到5.2％。',
    '城镇新增就业',
    1186,
    '万人',
    null,
  ],
  [
    'national-2021.txt',
    '加强生活必需品保供稳价，居民消费价格上涨2.5％。',
    '居民消费价格涨幅',
    2.5,
    '%',
    null,
  ],
  [
    'national-2021.txt',
    '经过艰苦努力，我们率先实现复工复产，经济恢复好于预期，全年国内生产总值增长2.3％，宏观调控积累了新的经验，以合理代价取得较大成效。',
    '国内生产总值',
    2.3,
    '%',
    null,
  ],
  ['national-2022.txt', '城镇新增就业1269万人，城镇调查失业率平均为5.1%。', '城镇调查失业率', 5.1, '%', null],
  ['national-2022.txt', '国内生产总值达到114万亿元，增长8.1%。', '国内生产总值', 8.1, '%', null],
  ['national-2022.txt', '粮食产量1.37万亿斤，创历史新高。', '粮食产量', 1.37, '万亿斤', null],
  [
    'national-2025.txt',
    '就业、物价总体平稳，城镇新增就业1256万人、城镇调查失业率平均为5.1%，居民消费价格上涨0.2%。',
    '居民消费价格涨幅',
    0.2,
    '%',
    null,
  ],
  [
    'national-2025.txt',
    '主要表现在，产业升级有新进展，粮食产量首次跃上1.4万亿斤新台阶、亩产提升10.1斤；',
    '粮食产量',
    1.4,
    '万亿斤',
    '以上',
  ],
  [
    'national-2025.txt',
    '地表水优良水质断面比例提高到90.4%；单位国内生产总值能耗降幅超过3%；可再生能源新增装机3.7亿千瓦。',
    '单位国内生产总值能耗',
    3,
    '%',
    '以上',
  ],
];

describe('outcome reader on corpus sentences', () => {
  it.each(SENTENCES)('%s: %s → %s', (_file, sentence, key, value, unit, qualifier) => {
    const figures = readOutcomes(sentence).filter((o) => o.key === key && o.unit === unit);
    expect(figures[0]).toMatchObject({ value, unit, qualifier });
    expect(sentence.slice(figures[0]!.start)).toMatch(
      new RegExp(`^${figures[0]!.quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('does not read a GDP figure from 单位国内生产总值能耗 or a share of GDP', () => {
    const read = readOutcomes(
      '单位国内生产总值能耗降低2.5%，数字经济核心产业增加值占国内生产总值比重达到10%左右。',
    );
    expect(read.filter((o) => o.key === '国内生产总值')).toEqual([]);
  });
});

describeCorpus('the sentences above are the corpus’s own', () => {
  it.each(SENTENCES.map(([file, sentence]) => [file, sentence]))('%s holds %s', (file, sentence) => {
    const text = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8').replace(/\s+/g, '');
    expect(text).toContain(sentence.replace(/\s+/g, ''));
  });
});

describe('verdicts', () => {
  const f = (value: number, unit: string, qualifier: string | null = null, change: string | null = null) => ({
    value,
    unit,
    qualifier,
    change,
  });
  it('judges 以上, 以内 and 左右 by the indicator’s direction', () => {
    expect(judge(f(6, '%', '以上', '增长'), f(8.1, '%', null, '增长'), 'up', true).verdict).toBe('met');
    expect(judge(f(6, '%', '以上', '增长'), f(5.9, '%', null, '增长'), 'up', true).verdict).toBe('missed');
    expect(judge(f(5.5, '%', '左右'), f(5.1, '%'), 'down', true).verdict).toBe('met');
    expect(judge(f(3, '%', '左右'), f(3.5, '%'), 'down', true).verdict).toBe('missed');
    expect(judge(f(5, '%', '左右', '增长'), f(5, '%', null, '增长'), 'up', true).verdict).toBe('met');
    expect(judge(f(1.3, '万亿斤', '以上'), f(13700, '亿斤'), 'up', true).verdict).toBe('met');
  });
  it('is unclear without a rule, an outcome or a comparable figure, pending without a next report', () => {
    expect(judge(f(3.2, '%', '左右'), f(3.1, '%'), null, true).verdict).toBe('unclear');
    expect(judge(f(3, '%', '左右'), null, 'down', true).verdict).toBe('unclear');
    expect(judge(f(5, '%', '左右'), f(134.9, '万亿元'), 'up', true).verdict).toBe('unclear');
    expect(judge(f(3, '%', '左右', '降低'), f(3, '%', null, '增长'), 'up', true).verdict).toBe('unclear');
    expect(judge(f(5, '%', '左右'), null, 'up', false).verdict).toBe('pending');
  });
});
