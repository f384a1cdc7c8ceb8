import { rewriteChineseFigures } from './chinese-figures';
import { simplifyTraditional } from './traditional';
import { UNIT_AFTER_MULTIPLIER } from './units';

/**
 * Numbers as the indicator extractor must read them, whatever the typesetting: full-width digits
 * and separators (`２７，２０３，３１９，０００元`, `３．６８％`), digits spaced out by a scraper
 * (`1 9 9 8 年`), years in Chinese numerals (`一九九○年`), figures in Chinese numerals
 * (`百分之七点五`, `三千五百多万人`) and the traditional characters of the 1954 report. The reading
 * copy keeps a map back to the original so that titles are quoted as written.
 */
export interface ReadingText {
  text: string;
  /** For each index of `text`, the index in the original string. */
  origin: number[];
}

/** Numerals of a year written in Chinese, by value: `○` (U+25CB) stands for zero in older texts. */
const CN_DIGIT = new Map([...'〇一二三四五六七八九'].map((c, i) => [c, String(i)]));
CN_DIGIT.set('○', '0').set('零', '0');

const UNIT_START = new RegExp(`^(?:${UNIT_AFTER_MULTIPLIER})`);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function readingText(original: string): ReadingText {
  // Chinese-numeral years first: four numerals followed by 年 (`一九八六年`); same length.
  const years = simplifyTraditional(original).replace(/[〇○零一二三四五六七八九]{4}(?=年)/g, (y) =>
    [...y].map((c) => CN_DIGIT.get(c)).join(''),
  );
  const { text: src, origin: srcOrigin } = rewriteChineseFigures(years);
  // Characters collect in an array and join once: the checks below look only at the last two kept,
  // so reading a paragraph of any length stays linear.
  const out: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < src.length; i++) {
    let c = src[i]!;
    const code = c.charCodeAt(0);
    const prev = out[out.length - 1];
    if (code >= 0xff10 && code <= 0xff19) c = String.fromCharCode(code - 0xfee0);
    else if (c === '．' && isDigit(prev)) c = '.';
    else if (c === '％') c = '%';
    else if (c === '－' && isDigit(toAscii(src[i + 1]))) c = '-';
    const next = toAscii(src[i + 1]);
    // `29万余人`, `2万多公里`: the approximation between multiplier and unit is dropped.
    if (
      (c === '余' || c === '多') &&
      (prev === '万' || prev === '亿') &&
      isDigit(out[out.length - 2]) &&
      UNIT_START.test(src.slice(i + 1, i + 5))
    )
      continue;
    // Spaced digits and thousands separators disappear between digits.
    if (c === ' ' && isDigit(prev) && (isDigit(next) || next === '.')) continue;
    if ((c === ',' || c === '，') && isDigit(prev) && /^\d{3}(?!\d)/.test(asciiRun(src, i + 1))) continue;
    out.push(c);
    origin.push(srcOrigin[i]!);
  }
  return { text: out.join(''), origin };
}

function toAscii(c: string | undefined): string | undefined {
  if (c === undefined) return c;
  const code = c.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : c;
}

function asciiRun(src: string, from: number): string {
  const out: string[] = [];
  for (let i = from; i < src.length && out.length < 4; i++) out.push(toAscii(src[i])!);
  return out.join('');
}
