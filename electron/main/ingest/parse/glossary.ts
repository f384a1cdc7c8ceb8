import type { ParsedGlossaryEntry } from '../parsed-document';
import type { Line } from './normalize';

/**
 * The caption that opens a glossary: `名词解释` (often NBSP-spaced), `注释`, `附件2 名词解释`,
 * `《政府工作报告》有关内容名词注释`. Matched on the whole compact line.
 */
const CAPTION = /^(附件\d*[:：]?)?(《[^《》]{1,16}》)?(有关内容)?(名词解释|名词注释|名词释义|注释)[:：]?$/;

/** `1.term:definition`, `1、term：`, `［1］term：` — the number, the term and what follows its colon. */
const ENTRY = /^(?:(\d{1,3})[.．、]|[［[【](\d{1,3})[］\]】])\s*(.+)$/;
const COLON = /[:：]/;

export function isGlossaryCaption(line: Line): boolean {
  return CAPTION.test(line.compact) && line.compact.length <= 24;
}

/**
 * Entries from the lines after the caption. An entry starts at a numbered line; lines that do not
 * start one continue the previous entry's definition (definitions on the next line, entries broken
 * over several lines). Numbers must run 1, 2, 3…: a numbered line out of sequence is continuation.
 */
export function parseGlossary(lines: Line[]): ParsedGlossaryEntry[] {
  const entries: ParsedGlossaryEntry[] = [];
  let pendingTerm: ParsedGlossaryEntry | null = null;
  for (const line of lines) {
    const m = ENTRY.exec(line.text);
    const number = m ? Number(m[1] ?? m[2]) : NaN;
    const current = entries[entries.length - 1];
    if (m && number === (current?.number ?? 0) + 1) {
      const body = m[3]!;
      const colon = body.search(COLON);
      const entry: ParsedGlossaryEntry =
        colon === -1
          ? { number, term: cleanTerm(body), definition: '' }
          : { number, term: cleanTerm(body.slice(0, colon)), definition: body.slice(colon + 1).trim() };
      entries.push(entry);
      pendingTerm = colon === -1 ? entry : null;
      continue;
    }
    if (!current) continue;
    if (pendingTerm && COLON.test(line.text) && pendingTerm.definition === '') {
      // A term broken over lines before its colon.
      const colon = line.text.search(COLON);
      pendingTerm.term = cleanTerm(pendingTerm.term + line.text.slice(0, colon));
      pendingTerm.definition = line.text.slice(colon + 1).trim();
      pendingTerm = null;
      continue;
    }
    current.definition = joinText(current.definition, line.text);
  }
  return entries;
}

/** Drops quotes that wrap the whole term (`“劳动关系调节数字云”`), keeps inner ones (`“三公”经费`). */
export function cleanTerm(raw: string): string {
  const t = raw.trim();
  const wrapped = /^[“"「『](.+)[”"」』]$/.exec(t);
  if (wrapped && !/[“”"「」『』]/.test(wrapped[1]!)) return wrapped[1]!;
  return t;
}

/**
 * Joins two pieces of text broken over lines. Chinese has no spaces, and a break left by link
 * markup (`PM` ⏎ `2.5`) had none either; only two Latin words get one.
 */
export function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}
