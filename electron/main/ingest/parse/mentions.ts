import type { ParsedFootnote, ParsedGlossaryEntry } from '../parsed-document';

/**
 * For glossaries without inline markers: every place in the text where an entry's term is
 * mentioned. Terms are matched as written and without the quotes they are printed in, longest
 * first, so `金融“五篇大文章”` claims its span before `五篇大文章` could; Chinese has no word
 * boundaries, so none are assumed. The offset is where the mention ends.
 */
export function findMentions(text: string, glossary: ParsedGlossaryEntry[]): ParsedFootnote[] {
  const variants = glossary
    .flatMap((g, glossaryIndex) => searchForms(g.term).map((form) => ({ form, glossaryIndex })))
    .sort((a, b) => b.form.length - a.form.length);
  const taken: boolean[] = new Array(text.length).fill(false);
  const found: ParsedFootnote[] = [];
  for (const { form, glossaryIndex } of variants) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (taken.slice(at, end).some(Boolean)) continue;
      taken.fill(true, at, end);
      found.push({ offset: end, glossaryIndex, source: 'mention' });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** The term as written and, when it has quotes inside, without them (`“四上”企业` → `四上企业`). */
function searchForms(term: string): string[] {
  const forms = new Set([term]);
  const unquoted = term.replace(/[“”"‘’「」『』]/g, '');
  if (unquoted.length >= 2) forms.add(unquoted);
  return [...forms].filter((f) => f.length >= 2);
}
