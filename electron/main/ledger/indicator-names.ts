/**
 * Indicator names as reports write them, reduced to one key per indicator so that a target and
 * the next year's outcome meet: 城镇调查失业率 / 全国城镇调查失业率 / 年末全国城镇调查失业率;
 * 居民消费价格涨幅 / 居民消费价格上涨; 单位国内生产总值能耗降低 / 能耗降幅 … The well-known
 * indicators also carry which way is better, the rule a `左右` target is judged by.
 */

/** up: more is better (growth, jobs, harvest); down: less is better (unemployment, prices). */
export type Direction = 'up' | 'down';

export interface CanonicalIndicator {
  key: string;
  /** How the indicator is found in running text (a review sentence): its written forms. */
  written: RegExp;
  direction: Direction | null;
}

/** GDP is also a part of other names: `单位国内生产总值能耗`, `占国内生产总值比重`. */
const NOT_PART = (name: string) => `(?<![单位占])${name}(?!能耗|比重|的比重|增长基本同步|增长同步)`;

export const CANONICAL: readonly CanonicalIndicator[] = [
  {
    key: '单位国内生产总值能耗',
    written: /单位(?:国内|地区)生产总值能耗(?:降低|下降|降幅)?|能耗(?:强度)?(?:降幅|降低|下降)|能耗强度/,
    direction: 'up',
  },
  {
    key: '国内生产总值',
    written: new RegExp(`${NOT_PART('国内生产总值')}|${NOT_PART('经济增长')}(?!的)|GDP`),
    direction: 'up',
  },
  { key: '地区生产总值', written: new RegExp(NOT_PART('地区生产总值')), direction: 'up' },
  { key: '城镇新增就业', written: /城镇新增就业|新增城镇就业/, direction: 'up' },
  { key: '城镇调查失业率', written: /城镇调查失业率/, direction: 'down' },
  { key: '城镇登记失业率', written: /城镇登记失业率/, direction: 'down' },
  { key: '居民消费价格涨幅', written: /居民消费价格(?:涨幅|上涨|指数|总水平)?|CPI/, direction: 'down' },
  { key: '粮食产量', written: /粮食(?:总)?产量|粮食生产/, direction: 'up' },
  { key: '居民人均可支配收入', written: /居民人均可支配收入/, direction: 'up' },
  { key: '一般公共预算收入', written: /一般公共预算收入/, direction: 'up' },
  { key: '社会消费品零售总额', written: /社会消费品零售总额/, direction: 'up' },
  { key: '固定资产投资', written: /固定资产投资/, direction: 'up' },
  { key: '规模以上工业增加值', written: /规模以上工业增加值/, direction: 'up' },
  { key: '赤字率', written: /赤字率/, direction: null },
];

const PREFIX =
  /^(?:年末|年底|全年|全国|全省|全市|全区|全县|全州|全旗|我国|我省|我市|我区|我县|今年|去年|主要)+/;
/** Change words written after a name (`居民消费价格上涨`, `能耗降低`): the figure, not the indicator. */
const CHANGE_SUFFIX = /(?:增长|增速|上涨|涨幅|降低|下降|降幅|提高|增加)$/;

/** The key and rule of an indicator name as a report writes it. */
export function normaliseIndicator(name: string): { key: string; direction: Direction | null } {
  const bare = name.normalize('NFKC').replace(/\s+/g, '').replace(PREFIX, '');
  for (const c of CANONICAL) {
    const m = c.written.exec(bare);
    // The whole name must be the indicator, give or take a change word: `城镇新增就业人数`, not
    // `城镇新增就业困难人员`.
    if (m && m.index <= 2 && bare.length - (m.index + m[0].length) <= 3)
      return { key: c.key, direction: c.direction };
  }
  const key = bare.replace(CHANGE_SUFFIX, '') || bare;
  return { key, direction: null };
}

export function directionOf(key: string): Direction | null {
  return CANONICAL.find((c) => c.key === key)?.direction ?? null;
}
