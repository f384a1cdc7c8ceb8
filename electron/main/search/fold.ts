/**
 * Matching form of text: full-width and half-width forms alike (NFKC), Latin in lower case.
 * Folding maps each UTF-16 code unit to exactly one code unit, so an offset in the folded text is
 * the same offset in the original: hit ranges computed on folded text index the stored text.
 * Characters whose NFKC or lower-case form is longer (`㈠` → `(一)`, `ﬁ` → `fi`) stay as they are.
 */

let table: Uint16Array | null = null;

function foldTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    t[c] = c;
    // Lone surrogates have no normal form; astral characters pass through unchanged.
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const f = String.fromCharCode(c).normalize('NFKC').toLowerCase();
    if (f.length === 1) t[c] = f.charCodeAt(0);
  }
  return (table = t);
}

const decoder = new TextDecoder('utf-16le');

export function foldText(text: string): string {
  const t = foldTable();
  const n = text.length;
  let i = 0;
  // Most text is already folded: return it as is.
  while (i < n && t[text.charCodeAt(i)] === text.charCodeAt(i)) i++;
  if (i === n) return text;
  const out = new Uint16Array(n);
  for (let j = 0; j < n; j++) out[j] = t[text.charCodeAt(j)]!;
  return decoder.decode(out);
}

/** Code points that make up words: letters (CJK ideographs included) and digits. */
const WORD = /[\p{L}\p{N}]/u;
let words: Uint8Array | null = null;

/** Per code point below 0x10000: 1 when it is part of a word (for loops over every character). */
export function wordTable(): Uint8Array {
  if (!words) {
    words = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++)
      if (c < 0xd800 || c > 0xdfff) words[c] = WORD.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return words;
}

/** Whether a code point is part of a word (index terms are made of these). */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x10000) return wordTable()[cp] === 1;
  return WORD.test(String.fromCodePoint(cp));
}
