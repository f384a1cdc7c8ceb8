const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `一` … `九十九` as a number (the range heading labels use), or null. */
export function chineseNumeral(s: string): number | null {
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 && s in DIGITS ? DIGITS[s]! : null;
  if (s.indexOf('十', ten + 1) !== -1) return null;
  const tens = ten === 0 ? 1 : s.length > 0 && ten === 1 ? DIGITS[s[0]!] : undefined;
  const unitsPart = s.slice(ten + 1);
  const units = unitsPart === '' ? 0 : unitsPart.length === 1 ? DIGITS[unitsPart] : undefined;
  if (tens === undefined || units === undefined || ten > 1) return null;
  return tens * 10 + units;
}

export const NUMERAL_CLASS = '一二三四五六七八九十';

const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A whole number written in Chinese numerals, with 万 and 亿 sections (`三千零六十八` → 3068,
 * `二万八千亿` → 2.8e12, `十亿四千万` → 1.04e9), or null when `s` holds anything else.
 */
export function chineseInteger(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of s) {
    if (c in DIGITS) digit = DIGITS[c]!;
    else if (c === '○') digit = 0;
    else if (c in SMALL_UNIT) {
      // `十二` is twelve: a leading 十 counts one ten.
      section += (digit || 1) * SMALL_UNIT[c]!;
      digit = 0;
    } else if (c === '万') {
      total += (section + digit) * 1e4;
      section = digit = 0;
    } else if (c === '亿') {
      total = (total + section + digit) * 1e8;
      section = digit = 0;
    } else return null;
  }
  return total + section + digit;
}
