/**
 * Whitespace as the corpus has it: NBSP, full-width (U+3000), en/em/thin spaces and zero-width
 * characters. Passage text keeps what was written, only with every space-like run made one ASCII
 * space; matching (headings, glossary captions, junk) uses the compact form without any spaces,
 * because scraped pages space out words (`名 词 解 释`, `政 府 工 作 报 告`).
 */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACE_LIKE = /[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

export interface Line {
  /** 1-based line number in the decoded text, for tests and diagnostics. */
  no: number;
  /** Spaces collapsed and trimmed. */
  text: string;
  /** `text` without any spaces. */
  compact: string;
  /** A blank line stood between this line and the previous one. */
  gapBefore: boolean;
  /**
   * A line holding nothing but zero-width characters stood before this one: what a web page
   * leaves where a link split a sentence (`…交出一份人` ⏎ `U+200B` ⏎ `民满意…`). Such lines join.
   */
  softBefore: boolean;
  /** The Word heading level of a DOCX paragraph (Heading 1 → 1); absent elsewhere. */
  heading?: number;
}

/**
 * The longest line that page chrome, header fields or a site trailer can be: stripping such
 * boilerplate only ever removes lines up to this long, so text run together on one long line
 * (`• 索 引 号:…` followed by the whole report) is kept.
 */
export const BOILERPLATE_MAX = 200;
export const isShortLine = (line: Line) => line.compact.length <= BOILERPLATE_MAX;

export function normalizeSpaces(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(SPACE_LIKE, ' ').trim();
}

export function compact(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(SPACE_LIKE, '');
}

export function makeLine(text: string, no = 0, gapBefore = true, softBefore = false): Line {
  const t = normalizeSpaces(text);
  return { no, text: t, compact: compact(t), gapBefore, softBefore };
}

/** Splits decoded text into lines (any line-end convention), keeping where blank lines stood. */
export function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let gap = false;
  let soft = false;
  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .forEach((raw, i) => {
      const t = normalizeSpaces(raw);
      if (t) {
        lines.push({ no: i + 1, text: t, compact: compact(t), gapBefore: gap, softBefore: soft && !gap });
        gap = false;
        soft = false;
      } else if (/[\u200b-\u200d\u2060\ufeff]/.test(raw)) soft = true;
      else gap = true;
    });
  return lines;
}
