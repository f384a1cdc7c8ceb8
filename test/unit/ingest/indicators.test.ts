import { describe, expect, it } from 'vitest';
import { extractIndicators, type IndicatorContext } from '../../../electron/main/ingest/parse/indicators';
import { readingText } from '../../../electron/main/ingest/parse/number-text';

const review: IndicatorContext = { period: '2020', status: 'actual', reportYear: 2021 };
const none: IndicatorContext = { period: null, status: null, reportYear: null };
const rows = (text: string, ctx = none) =>
  extractIndicators(text, ctx).map((i) => [
    i.indicator,
    i.value,
    i.unit,
    i.change,
    i.qualifier,
    i.period,
    i.status,
  ]);

describe('numeric indicators', () => {
  it('reads full-width and spaced figures while quoting the text as written', () => {
    expect(readingText('１９５５年本年收入合计２７，２０３，３１９，０００元，增长３．６８％').text).toBe(
      '1955年本年收入合计27203319000元，增长3.68%',
    );
    expect(readingText('1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元').text).toBe(
      '1997 年国内生产总值达到74772 亿元',
    );
    expect(readingText('一九八六年到一九九○年').text).toBe('1986年到1990年');
    const [gdp] = extractIndicators('1 9 9 7 年国内生产总值达到7 4 7 7 2 亿元，平均每年增长1 1 ％。', none);
    expect(gdp).toMatchObject({
      title: '国内生产总值达到7 4 7 7 2 亿元',
      indicator: '国内生产总值',
      value: 74772,
      period: '1997',
    });
    expect(rows('１９５５年工业总产值增长８％。')).toEqual([
      ['工业总产值', 8, '%', '增长', null, '1955', null],
    ]);
  });

  it('names a figure after what precedes it, or after the figure before it in the sentence', () => {
    expect(
      rows('全年预计实现地区生产总值1360亿元、增长5.0%左右，财政总收入226.9亿元、增长4.75%。', review),
    ).toEqual([
      ['地区生产总值', 1360, '亿元', null, null, '2020', 'actual'],
      ['地区生产总值', 5, '%', '增长', '左右', '2020', 'actual'],
      ['财政总收入', 226.9, '亿元', null, null, '2020', 'actual'],
      ['财政总收入', 4.75, '%', '增长', null, '2020', 'actual'],
    ]);
  });

  it('keeps qualifiers, levels reached and the span a figure is given for', () => {
    expect(rows('2015至2020年，地区生产总值从778.1亿元增长至约1360亿元，年均增长8.1%。', review)).toEqual([
      ['地区生产总值', 1360, '亿元', null, '约', '2015-2020', 'actual'],
      ['地区生产总值', 8.1, '%', '年均增长', null, '2015-2020', 'actual'],
    ]);
    expect(
      rows('城镇登记失业率控制在4.0%以内，粮食产量1.3万亿斤以上。', {
        ...none,
        status: 'target',
        period: '2024',
      }),
    ).toEqual([
      ['城镇登记失业率', 4, '%', null, '以内', '2024', 'target'],
      ['粮食产量', 1.3, '万亿斤', null, '以上', '2024', 'target'],
    ]);
  });

  it('leaves counts that are no indicator, and comparisons of several figures, alone', () => {
    expect(rows('设置970个卡口，新增“三高”企业87家。')).toEqual([]);
    expect(rows('实际利用外资95.7亿元，同比“十二五”分别增长59.3%、54.3%。')).toEqual([
      ['实际利用外资', 95.7, '亿元', null, null, null, null],
    ]);
  });

  it('marks targets by their wording where the part does not say', () => {
    expect(rows('今年发展主要预期目标是：国内生产总值增长5%左右。')).toEqual([
      ['国内生产总值', 5, '%', '增长', '左右', null, 'target'],
    ]);
  });
});
