import type { AnnotationColor } from '../../../shared/domain/annotations';
import type { FontRole, PrintLayout, UnderlinePattern } from '../../../shared/domain/print';

/** Points per millimetre (1 pt = 1/72 in). */
export const MM = 72 / 25.4;
export const A4 = { width: 210 * MM, height: 297 * MM };

export type StyleName =
  | 'title'
  | 'subtitle'
  | 'date'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'body'
  | 'lead'
  | 'commentary'
  | 'citation'
  | 'flag'
  | 'note'
  | 'appendixHeading'
  | 'term'
  | 'pageNumber';

export interface TextStyle {
  role: FontRole;
  size: number;
  /** Height of one line box; in the 公文 layout always the grid's line pitch. */
  lineHeight: number;
  align: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in ems of this style. */
  indent: number;
  /** Whole lines before and after (so the 公文 grid is kept). */
  before: number;
  after: number;
  color: string;
}

export interface LayoutProfile {
  layout: PrintLayout;
  page: { width: number; height: number };
  /** The type area (版心). */
  area: { left: number; top: number; width: number; height: number };
  /** 公文: every line sits on a grid of `lines` × `chars`; null lays lines out by their own heights. */
  grid: { lines: number; chars: number; linePitch: number; charPitch: number } | null;
  styles: Record<StyleName, TextStyle>;
}

/** Fill (light, reads in black and white) and line colour per palette colour, as on screen. */
export const HIGHLIGHT_FILL: Record<AnnotationColor, string> = {
  yellow: '#fbe9a6',
  red: '#f8d3cf',
  green: '#d5ecd2',
  blue: '#d3e4f5',
  purple: '#e5dbf3',
  grey: '#e4e2dd',
};
export const HIGHLIGHT_LINE: Record<AnnotationColor, string> = {
  yellow: '#d1a21a',
  red: '#c6473d',
  green: '#3f8c45',
  blue: '#3a78b8',
  purple: '#7e58b4',
  grey: '#85827a',
};
/** A different line per colour, so underlines still tell colours apart on a monochrome printer. */
export const UNDERLINE_PATTERN: Record<AnnotationColor, UnderlinePattern> = {
  yellow: 'solid',
  red: 'double',
  green: 'dashed',
  blue: 'dotted',
  purple: 'dashdot',
  grey: 'thick',
};

const INK = '#1a1a1a';
const MUTED = '#555555';

/** A style maker for one layout: `lineHeight` gives each size its line box. */
const styleMaker =
  (lineHeight: (size: number) => number) =>
  (role: FontRole, size: number, extra: Partial<TextStyle> = {}): TextStyle => ({
    role,
    size,
    lineHeight: lineHeight(size),
    align: 'justify',
    indent: 0,
    before: 0,
    after: 0,
    color: INK,
    ...extra,
  });

function standard(): LayoutProfile {
  const body = 11.5;
  const lh = (size: number, factor = 1.85) => size * factor;
  const style = styleMaker(lh);
  return {
    layout: 'standard',
    page: A4,
    area: { left: 25 * MM, top: 25 * MM, width: 160 * MM, height: 240 * MM },
    grid: null,
    styles: {
      title: style('serifBold', 20, { align: 'center', lineHeight: lh(20, 1.5), after: 0.2 }),
      subtitle: style('kaiti', 12.5, { align: 'center' }),
      date: style('serif', 10.5, { align: 'center', color: MUTED, after: 1 }),
      h1: style('sans', 14, { align: 'left', before: 0.6, after: 0.2 }),
      h2: style('serifBold', 12.5, { align: 'left', before: 0.4 }),
      h3: style('serifBold', body, { align: 'left', before: 0.2 }),
      body: style('serif', body, { indent: 2 }),
      lead: style('serifBold', body),
      commentary: style('kaiti', body, { indent: 2 }),
      citation: style('sans', 8.5, { align: 'right', color: MUTED, lineHeight: lh(8.5, 1.6), after: 0.6 }),
      flag: style('sans', 8.5, { align: 'left', color: '#9a2a1f', lineHeight: lh(8.5, 1.6) }),
      note: style('serif', 9, { align: 'justify', lineHeight: lh(9, 1.55) }),
      appendixHeading: style('sans', 14, { align: 'center', before: 1, after: 0.4 }),
      term: style('sans', body),
      pageNumber: style('serif', 9, { align: 'center', color: MUTED }),
    },
  };
}

/**
 * GB/T 9704-2012: A4, 版心 156 × 225 mm at 37 mm from the top and 28 mm from the left, 22 lines of
 * 28 characters in 3号 (16 pt). The standard asks the lines to fill the type area (撑满版心), so the
 * first line's em box starts at the top edge and the 22nd ends on the bottom edge; likewise the first
 * and 28th characters touch the left and right edges.
 */
function gongwen(): LayoutProfile {
  const size = 16;
  const area = { left: 28 * MM, top: 37 * MM, width: 156 * MM, height: 225 * MM };
  const grid = {
    lines: 22,
    chars: 28,
    linePitch: (area.height - size) / 21,
    charPitch: (area.width - size) / 27,
  };
  const style = styleMaker(() => grid.linePitch);
  return {
    layout: 'gongwen',
    page: A4,
    area,
    grid,
    styles: {
      title: style('xiaobiaosong', 22, { align: 'center' }),
      subtitle: style('kaiti', size, { align: 'center' }),
      date: style('fangsong', size, { align: 'center', after: 1 }),
      h1: style('heiti', size, { indent: 2 }),
      h2: style('kaiti', size, { indent: 2 }),
      h3: style('fangsong', size, { indent: 2 }),
      body: style('fangsong', size, { indent: 2 }),
      lead: style('heiti', size),
      commentary: style('kaiti', size, { indent: 2 }),
      citation: style('kaiti', 14, { align: 'right' }),
      flag: style('heiti', 14, { align: 'left' }),
      note: style('fangsong', 14),
      appendixHeading: style('heiti', size, { align: 'center', before: 1 }),
      term: style('heiti', size),
      pageNumber: style('songti', 14),
    },
  };
}

export function profileFor(layout: PrintLayout): LayoutProfile {
  return layout === 'gongwen' ? gongwen() : standard();
}

/** Extra advance after each character so that a style's full-width characters sit on the grid. */
export function gridSpacing(profile: LayoutProfile, style: TextStyle): number {
  return profile.grid && Math.abs(style.size - 16) < 0.01 ? profile.grid.charPitch - style.size : 0;
}
