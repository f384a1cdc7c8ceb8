import { chineseNumeral, NUMERAL_CLASS } from './numerals';

export interface HeadingMatch {
  level: 1 | 2;
  /** The numeral as written (`三`). */
  label: string;
  value: number;
  title: string;
  /** Text after a run-in heading sentence (`（一）标题。正文…`), else ''. */
  rest: string;
}

const N = `[${NUMERAL_CLASS}]{1,3}`;
const PART = new RegExp(`^(${N})[、，,．.]\\s*(.+)$`);
const SECTION = new RegExp(`^[（(](${N})[）)]\\s*(.+)$`);
/** A heading on its own line: short, and no sentence inside it. */
const MAX_TITLE = 48;
const SENTENCE_END = /[。！？!?；;]/;

/**
 * `一、…` (part) and `（一）…` / `(一)…` (section), on their own line or as the run-in first
 * sentence of a paragraph. Whether the numbering fits the outline is decided by the caller.
 */
export function matchHeading(text: string): HeadingMatch | null {
  const part = PART.exec(text);
  if (part) return build(1, part[1]!, part[2]!, false);
  const section = SECTION.exec(text);
  if (section) return build(2, section[1]!, section[2]!, true);
  return null;
}

function build(level: 1 | 2, label: string, body: string, runInAllowed: boolean): HeadingMatch | null {
  const value = chineseNumeral(label);
  if (value === null || value === 0) return null;
  const trimmed = body.trim();
  const end = trimmed.search(SENTENCE_END);
  if (end === -1 || end === trimmed.length - 1) {
    const title = trimmed.replace(/[。；;]$/, '');
    if (title.length === 0 || title.length > MAX_TITLE) return null;
    return { level, label, value, title, rest: '' };
  }
  if (!runInAllowed || trimmed[end] !== '。' || end > MAX_TITLE) return null;
  return { level, label, value, title: trimmed.slice(0, end), rest: trimmed.slice(end + 1).trim() };
}
