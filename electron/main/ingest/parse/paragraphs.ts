import { joinText } from './glossary';
import { isBareLabel, matchHeading } from './headings';
import type { Line } from './normalize';

export interface Paragraph {
  text: string;
  /** The paragraph began with a bare numbering label on its own line (`（一）` ⏎ `…`). */
  labelled: boolean;
  /** Its Word heading level (DOCX Heading 1 → 1), when it had one. */
  heading?: number;
}

/** A line that closes a sentence: final punctuation, maybe inside closing quotes or brackets. */
const CLOSED = /[。！？!?；;：:…]["”’」』）)]*$/;

/**
 * Rebuilds paragraphs from lines. Files that separate paragraphs by blank lines (most web and
 * Wikisource copies) keep every run of lines without a blank as one paragraph — the breaks inside
 * such a run are where link markup split a sentence (`…通过了我们国家的根本法——` ⏎
 * `中華人民共和國憲法` ⏎ `，接着…`). Files with one paragraph per line join a line to the one
 * before only when that one leaves its sentence open (`…PM` ⏎ `2.5` ⏎ `年平均浓度…`). Headings on
 * their own line never take the next line in.
 */
export function assembleParagraphs(lines: Line[]): Paragraph[] {
  const gaps = lines.filter((l, i) => i > 0 && l.gapBefore).length;
  const blankSeparated = lines.length > 1 && gaps / (lines.length - 1) >= 0.5;
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let previous: Line | null = null;
  for (const line of lines) {
    const joins =
      current !== null &&
      previous !== null &&
      // A styled heading is a paragraph of its own, whatever its punctuation.
      !current.heading &&
      !line.heading &&
      !isOwnLineHeading(current) &&
      !isOwnLineHeading({ text: line.text, labelled: false }) &&
      (line.softBefore ||
        isBareLabel(current.text) ||
        (blankSeparated ? !line.gapBefore : !CLOSED.test(previous.text)));
    if (joins && current) {
      current.labelled ||= isBareLabel(current.text);
      current.text = joinText(current.text, line.text);
    } else {
      current = { text: line.text, labelled: false, ...(line.heading ? { heading: line.heading } : {}) };
      out.push(current);
    }
    previous = line;
  }
  return out;
}

function isOwnLineHeading(p: Paragraph): boolean {
  const h = matchHeading(p.text, p.labelled);
  return h !== null && h.rest === '' && !p.labelled;
}
