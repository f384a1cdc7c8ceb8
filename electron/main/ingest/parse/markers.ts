import type { ParsedFootnote, ParsedGlossaryEntry } from '../parsed-document';

/** A footnote marker found in a paragraph: the characters to remove and the entry it names. */
export interface MarkerHit {
  /** Index of the paragraph in the list given to `findMarkers`. */
  paragraph: number;
  start: number;
  end: number;
  glossaryIndex: number;
  bracketed: boolean;
}

const CLOSE_QUOTES = '”"’』」';
/** A number followed by one of these is a quantity (`“四好农村路”3万公里`), never a marker. */
const QUANTITY_AFTER =
  /^(?:[%％‰万亿千百个家名人项座条次场批栋件所元吨亩倍岁年月日天号位户台套辆张处篇部期届]|公里|平方|米)/;
const BRACKETED = /[［[【](\d{1,3})[］\]】]/g;

/**
 * Footnote markers, driven by the glossary: `［N］` when N is an entry, or bare digits N right
 * after text matching entry N's term — the term as written, with or without the quotes around it
 * (`“六稳”1`, `RCEP29`), or split at a closing quote inside the term (`“最多投一次”18阳光信访` for
 * `“最多投一次”阳光信访`). Bare markers must number consistently: of all candidates, the longest
 * run with numbers increasing through the document is kept, so a stray quantity that happens to
 * follow a term cannot displace the real sequence.
 */
export function findMarkers(paragraphs: string[], glossary: ParsedGlossaryEntry[]): MarkerHit[] {
  const byNumber = new Map<number, number>();
  glossary.forEach((g, i) => g.number !== null && !byNumber.has(g.number) && byNumber.set(g.number, i));
  if (byNumber.size === 0) return [];

  const bracketed: MarkerHit[] = [];
  const bare: (MarkerHit & { number: number })[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const m of text.matchAll(BRACKETED)) {
      const index = byNumber.get(Number(m[1]));
      if (index !== undefined)
        bracketed.push({
          paragraph,
          start: m.index,
          end: m.index + m[0].length,
          glossaryIndex: index,
          bracketed: true,
        });
    }
    for (const m of text.matchAll(/\d+/g)) {
      // A term may itself end in a digit (`5+3+8`), so every tail of the run is a possible marker.
      for (let start = m.index; start < m.index + m[0].length; start++) {
        const end = m.index + m[0].length;
        const number = Number(text.slice(start, end));
        const index = byNumber.get(number);
        if (index === undefined) continue;
        if (QUANTITY_AFTER.test(text.slice(end)) || /^[.．]\d/.test(text.slice(end))) continue;
        if (!termEndsAt(text, start, end, glossary[index]!.term)) continue;
        bare.push({ paragraph, start, end, glossaryIndex: index, bracketed: false, number });
      }
    }
  });
  return [...bracketed, ...longestIncreasing(bare)].sort(
    (a, b) => a.paragraph - b.paragraph || a.start - b.start,
  );
}

/**
 * Whether the term stands right before `start` — or, for a term with an inner closing quote, its
 * quoted head stands before `start` and its tail right after `end`.
 */
function termEndsAt(text: string, start: number, end: number, term: string): boolean {
  const before = text.slice(0, start);
  const bare = term.replace(/^[“"「『]|[”"」』]$/g, '');
  for (const variant of new Set([term, bare, `${bare}”`, `“${bare}”`])) {
    if (before.endsWith(variant)) return true;
  }
  for (let i = 1; i < term.length; i++) {
    if (!CLOSE_QUOTES.includes(term[i - 1]!)) continue;
    if (before.endsWith(term.slice(0, i)) && text.startsWith(term.slice(i), end)) return true;
  }
  return false;
}

function longestIncreasing<T extends { number: number }>(items: T[]): T[] {
  const tails: number[] = [];
  const prev: number[] = new Array(items.length).fill(-1);
  items.forEach((item, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[tails[mid]!]!.number < item.number) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out: T[] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = prev[i]!) out.unshift(items[i]!);
  return out;
}

/** Removes the markers of one paragraph, returning the clean text and the refs at their offsets. */
export function stripMarkers(text: string, hits: MarkerHit[]): { text: string; footnotes: ParsedFootnote[] } {
  let out = '';
  let cursor = 0;
  const footnotes: ParsedFootnote[] = [];
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    out += text.slice(cursor, hit.start);
    footnotes.push({ offset: out.length, glossaryIndex: hit.glossaryIndex, source: 'marker' });
    cursor = hit.end;
  }
  return { text: out + text.slice(cursor), footnotes };
}
