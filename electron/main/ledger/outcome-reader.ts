import { readingText, UNIT } from '../ingest/domain';
import { CANONICAL } from './indicator-names';

/** One figure a review sentence states for a well-known indicator. */
export interface OutcomeFigure {
  key: string;
  /** The name as written (`年末全国城镇调查失业率`). */
  indicator: string;
  value: number;
  unit: string;
  /** `增长`, `上涨`, `降低` when the figure is a change; null for a level (`降到5.2%`, `平均为5.1%`). */
  change: string | null;
  /** `以上` for `超过`/`突破`/`跃上`, else what is written (`左右`, `近`, `约`). */
  qualifier: string | null;
  /** The words from the name to the figure, as written. */
  quote: string;
  /** Offset of the quote in the passage as stored. */
  start: number;
}

/** How far after a name its figure may stand (`国内生产总值达到134.9万亿元、增长5%`). */
const WINDOW = 40;
const FIGURE = new RegExp(
  `(?<words>[\\u4e00-\\u9fa5]{0,8}?)(?<num>-?\\d+(?:\\.\\d+)?) ?(?<unit>${UNIT})(?<post>左右|以上|以内|以下)?`,
  'g',
);
const LEVEL_WORDS =
  /降到|降至|下降到|下降至|回落到|回落至|提高到|提高至|上升到|上升至|提升到|提升至|增加到|增加至|达到|为|控制在|保持在|稳定在|跃上|突破|超过/;
const UP_WORDS = /增长|上涨|提高|上升|增加|增速|涨幅/;
const DOWN_WORDS = /下降|降低|降幅|减少|回落/;
const ABOVE_WORDS = /超过|突破|跃上|超/;

/**
 * Every figure a passage states right after the name of a well-known indicator, read over the
 * reading copy (full-width `％`, Chinese numerals) and quoted from the original. A figure is looked
 * for only up to the end of its clause chain (`；` or `。`) and before the next indicator's name.
 */
export function readOutcomes(passage: string): OutcomeFigure[] {
  const { text, origin } = readingText(passage);
  const names = CANONICAL.flatMap((c) =>
    [...text.matchAll(new RegExp(c.written.source, 'g'))].map((m) => ({
      key: c.key,
      at: m.index,
      end: m.index + m[0].length,
    })),
  ).sort((a, b) => a.at - b.at || b.end - a.end);
  const out: OutcomeFigure[] = [];
  names.forEach((name, i) => {
    if (i > 0 && names[i - 1]!.end > name.at) return; // inside a longer name already read
    const stop = Math.min(
      name.end + WINDOW,
      names.find((n, j) => j > i && n.at >= name.end)?.at ?? text.length,
      indexOfAny(text, /[。；;！？]/g, name.end),
    );
    const windowText = text.slice(name.end, stop);
    const units = new Set<string>();
    for (const m of windowText.matchAll(FIGURE)) {
      const g = m.groups!;
      // One figure per unit: the first `%` after a name is its rate, later ones are other things.
      if (units.has(g.unit!)) continue;
      units.add(g.unit!);
      const words = g.words ?? '';
      const lead = text.slice(name.at, name.end + m.index! + words.length);
      const level = LEVEL_WORDS.test(words) && !/降幅|增幅|涨幅/.test(words);
      const change = level ? null : DOWN_WORDS.test(lead) ? '降低' : UP_WORDS.test(lead) ? '增长' : null;
      const from = name.at;
      const to = name.end + m.index! + m[0].length;
      out.push({
        key: name.key,
        indicator: text.slice(name.at, name.end),
        value: Number(g.num),
        unit: g.unit!,
        change,
        qualifier:
          g.post ??
          (ABOVE_WORDS.test(words) ? '以上' : /近/.test(words) ? '近' : /约/.test(words) ? '约' : null),
        quote: passage.slice(origin[from], origin[to - 1]! + 1),
        start: origin[from]!,
      });
    }
  });
  return out;
}

function indexOfAny(text: string, re: RegExp, from: number): number {
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}
