/** Units of the figures the indicator extractor reads, longest first (a regex alternation). */
export const UNIT =
  '个百分点|万亿元|亿美元|亿元|万元|美元|元|亿人次|万人次|亿人|万人|人次|人|万户|户|万亿斤|亿斤|万斤|斤|亿吨|万吨|吨|万千瓦|千瓦|万亩|亩|万平方米|平方米|平方公里|公里|%|‰|倍';

/** The same units without their 万/亿 multiplier: what follows a figure once its numerals are read. */
export const UNIT_AFTER_MULTIPLIER = [
  ...new Set(
    UNIT.split('|')
      .filter((u) => !/^[%‰]$/.test(u))
      .map((u) => u.replace(/^(?:万亿|亿|万)/, '')),
  ),
]
  .sort((a, b) => b.length - a.length)
  .join('|');
