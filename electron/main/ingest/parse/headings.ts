import { chineseNumeral, NUMERAL_CLASS } from './numerals';

/** Numbering styles, from the outermost kind of list to the innermost. */
export type HeadingStyle = 'part' | 'paren' | 'ordinal';
export const STYLE_RANK: Record<HeadingStyle, number> = { part: 0, paren: 1, ordinal: 1 };

export interface HeadingMatch {
  style: HeadingStyle;
  /** The numeral as written (`三`). */
  label: string;
  value: number;
  title: string;
  /** Text after a run-in heading sentence (`（一）标题。正文…`), else ''. */
  rest: string;
}

const N = `[${NUMERAL_CLASS}]{1,3}`;
const PATTERNS: { style: HeadingStyle; re: RegExp; runIn: boolean }[] = [
  { style: 'part', re: new RegExp(`^(${N})[、．.]\\s*(.*)$`), runIn: false },
  { style: 'paren', re: new RegExp(`^[（(](${N})[）)]\\s*(.*)$`), runIn: true },
  { style: 'ordinal', re: new RegExp(`^第(${N})[，,、]\\s*(.*)$`), runIn: true },
];
/** A heading on its own line: short, and no sentence inside it. */
const MAX_TITLE = 48;
/** A bare label on its own line (`（一）` ⏎ `进一步…。`) heads whatever sentence follows it. */
const MAX_LABELLED_TITLE = 200;
const SENTENCE_END = /[。！？!?；;]/;

/** The bare numbering label of a line that holds nothing else (`（一）`, `一、`, `第一、`). */
export function isBareLabel(text: string): boolean {
  return PATTERNS.some(({ re }) => re.exec(text)?.[2] === '');
}

/**
 * `一、…` (part), `（一）…` / `(一)…` (section), `第一，…` (ordinal), on their own line or as the
 * run-in first sentence of a paragraph. Whether the numbering fits the outline is the caller's call.
 * `labelled`: the text was a bare label joined to the line after it, so its title may be long.
 */
export function matchHeading(text: string, labelled = false): HeadingMatch | null {
  for (const { style, re, runIn } of PATTERNS) {
    const m = re.exec(text);
    if (!m || !m[2]) continue;
    const value = chineseNumeral(m[1]!);
    if (value === null || value === 0) return null;
    return split(
      style,
      m[1]!,
      value,
      m[2].trim(),
      runIn || labelled,
      labelled ? MAX_LABELLED_TITLE : MAX_TITLE,
    );
  }
  return null;
}

function split(
  style: HeadingStyle,
  label: string,
  value: number,
  body: string,
  runIn: boolean,
  max: number,
): HeadingMatch | null {
  const end = body.search(SENTENCE_END);
  if (end === -1 || end === body.length - 1) {
    const title = body.replace(/[。；;]$/, '');
    if (title.length === 0 || title.length > max) return null;
    return { style, label, value, title, rest: '' };
  }
  if (!runIn || body[end] !== '。' || end > max) return null;
  return { style, label, value, title: body.slice(0, end), rest: body.slice(end + 1).trim() };
}
