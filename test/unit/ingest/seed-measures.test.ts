import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentBundle, Measure } from '../../../shared/domain/library';
import { storedSeed } from './seed-fixture';

let seed: DocumentBundle;
beforeAll(() => {
  seed = storedSeed();
});

const row = (m: Measure) => [m.indicator, m.value, m.unit, m.change, m.qualifier, m.period, m.status];

describe('the bundled report: measures', () => {
  it('makes a task of each lead-phrase paragraph of the work plan (三、2021年工作建议), and of nothing else', () => {
    const plan = seed.sections.find((s) => s.level === 1 && s.label === '三')!;
    const inPlan = new Set([
      plan.id,
      ...seed.sections.filter((s) => s.parentId === plan.id).map((s) => s.id),
    ]);
    const expected = seed.passages.filter((p) => p.lead && inPlan.has(p.sectionId!));
    const tasks = seed.measures.filter((m) => m.kind === 'task');
    expect(tasks).toHaveLength(22);
    expect(tasks.map((t) => [t.passageId, t.title])).toEqual(expected.map((p) => [p.id, p.lead]));
    expect(tasks[0]!.title).toBe('落实“人物同防”');
    expect(tasks.at(-1)!.title).toBe('严守红线底线');
    expect(tasks.map((t) => t.title)).not.toContain('科学编制城区规划');
    expect(tasks.map((t) => t.title)).not.toContain('硬核举措“防扩散”');
  });

  it('reads the seven 2021 targets as written', () => {
    const passage = seed.passages.find((p) => p.text.startsWith('2021年经济社会发展主要预期目标为'))!;
    const targets = seed.measures.filter((m) => m.passageId === passage.id);
    expect(targets.map((m) => m.title)).toEqual([
      '地区生产总值比增8.0%以上',
      '规模以上工业增加值比增6.0%',
      '批发零售贸易业销售总额比增15.0%',
      '财政总收入比增4.03%',
      '区级财政收入比增4.2%',
      '全社会固定资产投资比增5.0%',
      '城镇登记失业率控制在4.0%以内',
    ]);
    expect(targets.map(row)).toEqual([
      ['地区生产总值', 8, '%', '比增', '以上', '2021', 'target'],
      ['规模以上工业增加值', 6, '%', '比增', null, '2021', 'target'],
      ['批发零售贸易业销售总额', 15, '%', '比增', null, '2021', 'target'],
      ['财政总收入', 4.03, '%', '比增', null, '2021', 'target'],
      ['区级财政收入', 4.2, '%', '比增', null, '2021', 'target'],
      ['全社会固定资产投资', 5, '%', '比增', null, '2021', 'target'],
      ['城镇登记失业率', 4, '%', null, '以内', '2021', 'target'],
    ]);
  });

  it('reads the 2020 actuals of the opening review', () => {
    const passage = seed.passages.find((p) => p.text.startsWith('全年预计实现地区生产总值'))!;
    expect(seed.measures.filter((m) => m.passageId === passage.id).map(row)).toEqual([
      ['地区生产总值', 1360, '亿元', null, null, '2020', 'actual'],
      ['地区生产总值', 5, '%', '增长', '左右', '2020', 'actual'],
      ['财政总收入', 226.9, '亿元', null, null, '2020', 'actual'],
      ['财政总收入', 4.75, '%', '增长', null, '2020', 'actual'],
      ['区级财政总收入', 49.1, '亿元', null, null, '2020', 'actual'],
      ['区级财政总收入', -1, '%', '增长', null, '2020', 'actual'],
      ['服务业增加值', 6.5, '%', '增长', null, '2020', 'actual'],
      ['限上批零业销售额', 27, '%', '增长', null, '2020', 'actual'],
      ['固定资产投资', 25, '%', '增长', null, '2020', 'actual'],
      ['实际利用外资', 15, '%', '增长', null, '2020', 'actual'],
      ['城镇居民人均可支配收入', 7, '%', '增长', null, '2020', 'actual'],
    ]);
  });

  it('dates the five-year figures by the span they are given for', () => {
    const passage = seed.passages.find((p) => p.text.includes('2015至2020年,地区生产总值从778.1亿元'))!;
    const gdp = seed.measures.filter((m) => m.passageId === passage.id && m.indicator === '地区生产总值');
    expect(gdp.map(row)).toEqual([
      ['地区生产总值', 1360, '亿元', null, '约', '2015-2020', 'actual'],
      ['地区生产总值', 8.1, '%', '年均增长', null, '2015-2020', 'actual'],
    ]);
  });

  it('links every indicator to the passage that states it', () => {
    const indicators = seed.measures.filter((m) => m.kind === 'indicator');
    expect(indicators.length).toBeGreaterThanOrEqual(18);
    for (const m of indicators) {
      const text = seed.passages.find((p) => p.id === m.passageId)!.text;
      expect(text, m.title).toContain(m.title);
      expect(m.indicator!.length).toBeGreaterThanOrEqual(2);
    }
  });
});
