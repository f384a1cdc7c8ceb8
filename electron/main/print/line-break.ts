import type { PageFill, PageRule, PageRun, UnderlinePattern } from '../../../shared/domain/print';
import type { FontSet, LoadedFont } from './fonts';
import type { TextStyle } from './profiles';

/**
 * Breaks styled text into lines of a given width with the Chinese line-breaking rules (禁则): no
 * line starts with closing punctuation, none ends with opening punctuation; a character that would
 * break a rule takes its neighbour along to the next line, and the shortened line is justified.
 */

export const NO_LINE_START = new Set(
  '，。、；：？！”’）》」』】〉〕…—～·％‰,.;:?!)]}%'.split('').concat(['……', '——']),
);
export const NO_LINE_END = new Set('“‘（《「『【〈〔([{'.split(''));

export interface Span {
  text: string;
  style: TextStyle;
  /** Grid spacing after each character (see `gridSpacing`). */
  spacing: number;
  fill: string | null;
  underline: { color: string; pattern: UnderlinePattern } | null;
  /** A note's number printed as a superscript reference. */
  noteRef: number | null;
}

export interface Line {
  height: number;
  /** Coordinates relative to the line box's top left at the type area's left edge. */
  runs: PageRun[];
  fills: PageFill[];
  rules: PageRule[];
  notes: number[];
}

interface Glyph {
  ch: string;
  span: number;
  font: LoadedFont;
  fallback: boolean;
  width: number;
}

interface Atom {
  glyphs: Glyph[];
  width: number;
  space: boolean;
}

const SUPERSCRIPT = 0.58;
/** Ideographic em box: the part of the em above the baseline (Noto, Fandol and the Windows faces agree). */
export const EM_ASCENT = 0.88;

/** Glyph widths and per-glyph fallback, memoised per face (a 30-page print measures ~20k characters). */
export class Measurer {
  private readonly advances = new Map<LoadedFont, Map<number, number>>();
  private readonly faces = new Map<string, LoadedFont>();

  constructor(private readonly fonts: FontSet) {}

  face(role: TextStyle['role'], cp: number): { font: LoadedFont; fallback: boolean } {
    const key = `${role}:${cp}`;
    const primary = this.fonts.roles[role];
    let font = this.faces.get(key);
    if (!font) {
      font = primary.font.hasGlyphForCodePoint(cp)
        ? primary
        : (this.fonts.fallbacks.find((f) => f.font.hasGlyphForCodePoint(cp)) ?? primary);
      this.faces.set(key, font);
    }
    return { font, fallback: font !== primary };
  }

  /** Advance of one character in ems. */
  advance(font: LoadedFont, cp: number): number {
    let table = this.advances.get(font);
    if (!table) this.advances.set(font, (table = new Map()));
    let adv = table.get(cp);
    if (adv === undefined) {
      adv = font.font.glyphForCodePoint(cp).advanceWidth / font.font.unitsPerEm;
      table.set(cp, adv);
    }
    return adv;
  }
}

const WORD_CHAR = /[A-Za-z0-9.%\-+/'@#&_]/;

function atomsOf(spans: Span[], m: Measurer): Atom[] {
  const atoms: Atom[] = [];
  let word: Atom | null = null;
  spans.forEach((span, si) => {
    const size = span.noteRef !== null ? span.style.size * SUPERSCRIPT : span.style.size;
    for (const ch of span.text) {
      const cp = ch.codePointAt(0) ?? 32;
      const { font, fallback } = m.face(span.style.role, cp);
      const glyph = { ch, span: si, font, fallback, width: m.advance(font, cp) * size + span.spacing };
      const space = ch === ' ' || ch === '\u3000';
      const wordy = span.noteRef === null && WORD_CHAR.test(ch);
      if (wordy && word) {
        word.glyphs.push(glyph);
        word.width += glyph.width;
        continue;
      }
      const atom = { glyphs: [glyph], width: glyph.width, space };
      atoms.push(atom);
      word = wordy ? atom : null;
    }
  });
  return atoms;
}

const firstChar = (a: Atom) => a.glyphs[0]!.ch;
const lastChar = (a: Atom) => a.glyphs[a.glyphs.length - 1]!.ch;
const isRef = (a: Atom, spans: Span[]) => spans[a.glyphs[0]!.span]!.noteRef !== null;

/** Splits atoms into lines no wider than `width` (the first `indent` points narrower). */
function breakAtoms(atoms: Atom[], spans: Span[], width: number, indent: number): Atom[][] {
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let used = indent;
  const limit = width - 0.01;
  for (const atom of atoms) {
    if (used + atom.width <= limit || line.length === 0 || atom.space) {
      line.push(atom);
      used += atom.width;
      continue;
    }
    const carry = [atom];
    const mustNotStart = (a: Atom) => NO_LINE_START.has(firstChar(a)) || isRef(a, spans);
    while (line.length > 1 && mustNotStart(carry[0]!)) carry.unshift(line.pop() as Atom);
    while (line.length > 1 && NO_LINE_END.has(lastChar(line[line.length - 1]!)))
      carry.unshift(line.pop() as Atom);
    lines.push(line);
    line = carry;
    used = carry.reduce((n, a) => n + a.width, 0); // later lines have no indent
  }
  if (line.length) lines.push(line);
  return lines.map((l) => {
    while (l.length > 1 && l[l.length - 1]!.space) l.pop();
    return l;
  });
}

function glyphRuns(atoms: Atom[]): Glyph[][] {
  const runs: Glyph[][] = [];
  for (const g of atoms.flatMap((a) => a.glyphs)) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.span === g.span && last[0]!.font === g.font) last.push(g);
    else runs.push([g]);
  }
  return runs;
}

const DASHES: Record<UnderlinePattern, number[]> = {
  solid: [],
  thick: [],
  double: [],
  dashed: [3, 2],
  dotted: [0.8, 1.6],
  dashdot: [4, 1.5, 1, 1.5],
};

/** Lays out one paragraph: `spans[0].style` sets alignment, indent and line height. */
export function layoutParagraph(spans: Span[], width: number, m: Measurer, grid: boolean): Line[] {
  if (!spans.length) return [];
  const style = spans[0]!.style;
  const indent = style.indent * (style.size + spans[0]!.spacing);
  const lines = breakAtoms(atomsOf(spans, m), spans, width, indent);
  return lines.map((atoms, i): Line => {
    const first = i === 0;
    const start = first ? indent : 0;
    const natural = atoms.reduce((n, a) => n + a.width, 0);
    const glyphCount = atoms.reduce((n, a) => n + a.glyphs.length, 0);
    const last = i === lines.length - 1;
    let x = start;
    let extra = 0;
    if (style.align === 'center') x = (width - natural) / 2;
    else if (style.align === 'right') x = width - natural;
    else if (style.align === 'justify' && !last && glyphCount > 1)
      extra = Math.max(0, width - start - natural) / (glyphCount - 1);
    const height = style.lineHeight;
    const baseline = grid ? EM_ASCENT * style.size : (height - style.size) / 2 + EM_ASCENT * style.size;
    const out: Line = { height, runs: [], fills: [], rules: [], notes: [] };
    const runs = glyphRuns(atoms);
    runs.forEach((glyphs, ri) => {
      const span = spans[glyphs[0]!.span]!;
      const sup = span.noteRef !== null;
      const size = sup ? span.style.size * SUPERSCRIPT : span.style.size;
      // no justification space after a line's last glyph, so its right edge meets the margin
      const spacing = span.spacing + extra;
      const w =
        glyphs.reduce((n, g) => n + g.width, 0) +
        extra * glyphs.length -
        (ri === runs.length - 1 ? extra : 0);
      const y = sup ? baseline - span.style.size * 0.42 : baseline;
      out.runs.push({
        x,
        y,
        text: glyphs.map((g) => g.ch).join(''),
        role: span.style.role,
        fallback: glyphs[0]!.fallback ? glyphs[0]!.font.name : null,
        size,
        spacing,
        width: w,
        fill: span.fill,
        underline: span.underline,
        color: span.style.color,
      });
      if (sup && span.noteRef !== null) out.notes.push(span.noteRef);
      if (span.fill) {
        const pad = Math.min((height - size) / 2, size * 0.22);
        out.fills.push({
          x,
          y: baseline - EM_ASCENT * size - pad,
          width: w,
          height: size + 2 * pad,
          color: span.fill,
        });
      }
      if (span.underline) {
        const { color, pattern } = span.underline;
        const uy = baseline + size * 0.16;
        const lw = pattern === 'thick' ? 1.4 : 0.7;
        out.rules.push({ x1: x, y1: uy, x2: x + w, y2: uy, width: lw, color, dash: DASHES[pattern] });
        if (pattern === 'double')
          out.rules.push({ x1: x, y1: uy + 1.6, x2: x + w, y2: uy + 1.6, width: 0.5, color, dash: [] });
      }
      x += w;
    });
    return out;
  });
}
