import { matchHeading } from '../parse/headings';
import { leadOf } from '../parse/leads';
import { chineseNumeral, NUMERAL_CLASS } from '../parse/numerals';

/** A line that closes a sentence: final punctuation, maybe inside closing quotes or brackets. */
const CLOSED = /[。！？!?；;：:…]["”’」』）)]*$/;
/** A list number at the head of a line: `9.`, `10、`, `（三）`, `［4］`, `二、`. */
const NUMBER = new RegExp(`^([（(［\\[【]?)(\\d{1,3}|[${NUMERAL_CLASS}]{1,3})([）)］\\]】]|[.．、])`);

/**
 * Whether a line that follows a full line, where the page shows nothing either way (no indent, no
 * spacing, or a page break), starts a paragraph of its own by what it says: the line before closed
 * its sentence, and this one opens a heading (`一、`, `（二）`), the next number of the list the
 * paragraph began (`9.…` then `10.…`), or a run-in lead phrase (`廉政建设不断深化。…`).
 */
export function startsParagraph(paragraph: string, previous: string, line: string): boolean {
  if (!CLOSED.test(previous)) return false;
  if (matchHeading(line) !== null) return true;
  if (nextInList(paragraph, line)) return true;
  return leadOf(line, true) !== null;
}

function nextInList(paragraph: string, line: string): boolean {
  const a = NUMBER.exec(paragraph);
  const b = NUMBER.exec(line);
  if (!a || !b || a[1] !== b[1] || a[3] !== b[3]) return false;
  const value = (s: string) => (/^\d+$/.test(s) ? Number(s) : chineseNumeral(s));
  const first = value(a[2]!);
  return first !== null && value(b[2]!) === first + 1;
}
