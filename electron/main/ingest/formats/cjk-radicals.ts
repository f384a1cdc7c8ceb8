/**
 * PDF fonts often map CJK glyphs to the Kangxi Radicals block (U+2F00–U+2FDF: `⼯` for 工) or to
 * the CJK Radicals Supplement (U+2E80–U+2EFF: `⺠` for 民), so the text layer spells ordinary
 * characters with look-alikes. Kangxi radicals have compatibility decompositions (NFKC); the
 * supplement's simplified forms do not, so they are listed here.
 */
const SUPPLEMENT: Record<string, string> = {
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ea7': '牛',
  '\u2ea9': '王',
  '\u2eac': '示',
  '\u2eae': '竹',
  '\u2eb3': '网',
  '\u2eb7': '羊',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2eca': '足',
  '\u2ecb': '车',
  '\u2ed1': '長',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed8': '青',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

export function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

/**
 * Fonts that draw a simplified character and its traditional twin with one glyph let the PDF's
 * text layer name either (`落戶` for `落户`), and a horizontal bar stands for the dash. In a text
 * written in simplified characters the simplified reading is the one meant.
 */
const SIMPLIFIED_ALIASES: Record<string, string> = { 戶: '户', '\u2015': '—' };
const SIMPLIFIED_ONLY = /[这们国会发经业为时说过对产]/g;
const TRADITIONAL_ONLY = /[這們國會發經業為時說過對產]/g;

export function preferSimplified(text: string): string {
  const simplified = (text.match(SIMPLIFIED_ONLY) ?? []).length;
  const traditional = (text.match(TRADITIONAL_ONLY) ?? []).length;
  if (simplified <= traditional * 4) return text;
  return text.replace(/[戶\u2015]/g, (c) => SIMPLIFIED_ALIASES[c] ?? c);
}
