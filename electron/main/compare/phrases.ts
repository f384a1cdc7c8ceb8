import type { PhraseRow } from '../../../shared/domain/compare';
import type { DocumentBundle } from '../../../shared/domain/library';
import { foldText } from '../search/domain';

/** Quoted terms longer than this are quotations of sentences, not 提法. */
const MAX_QUOTED = 24;
/** A report quotes a few hundred terms at most; past this the rest are ignored. */
const MAX_PHRASES = 2000;
const QUOTED = /“([^“”\n]{2,64})”/gu;
/** Sentence punctuation inside quotes marks a quoted sentence. */
const SENTENCE_MARK = /[。；！？，：]/u;

/** The quoted terms (“六稳”) and glossary terms of a report, each at its first place. */
export function phrasesOf(bundle: DocumentBundle): PhraseRow[] {
  const rows = new Map<string, PhraseRow>();
  for (const passage of bundle.passages) {
    for (const match of passage.text.matchAll(QUOTED)) {
      const phrase = match[1]!.trim();
      if (phrase.length < 2 || phrase.length > MAX_QUOTED || SENTENCE_MARK.test(phrase)) continue;
      const key = foldText(phrase);
      if (rows.has(key) || rows.size >= MAX_PHRASES) continue;
      const start = match.index + 1;
      rows.set(key, {
        phrase,
        source: 'quote',
        passageId: passage.id,
        range: [start, start + match[1]!.length],
        glossaryId: null,
      });
    }
  }
  const firstRef = new Map<string, string>();
  for (const ref of bundle.footnotes)
    if (!firstRef.has(ref.glossaryId)) firstRef.set(ref.glossaryId, ref.passageId);
  for (const entry of bundle.glossary) {
    const phrase = entry.term.trim();
    const key = foldText(phrase);
    if (!phrase || rows.has(key) || rows.size >= MAX_PHRASES) continue;
    const referring = bundle.passages.find((p) => p.id === firstRef.get(entry.id));
    const passage =
      referring && referring.text.includes(phrase)
        ? referring
        : (bundle.passages.find((p) => p.text.includes(phrase)) ?? referring);
    const at = passage ? passage.text.indexOf(phrase) : -1;
    rows.set(key, {
      phrase,
      source: 'glossary',
      passageId: passage?.id ?? null,
      range: at >= 0 ? [at, at + phrase.length] : null,
      glossaryId: entry.id,
    });
  }
  return [...rows.values()];
}

/** Everything a report says, folded: where "the older report lacks it anywhere" is checked. */
export function wholeText(bundle: DocumentBundle): string {
  const { document: d } = bundle;
  return foldText(
    [
      d.title,
      d.meeting ?? '',
      d.speaker ?? '',
      ...bundle.sections.map((s) => s.title),
      ...bundle.passages.flatMap((p) => [p.lead ?? '', p.text]),
      ...bundle.glossary.flatMap((g) => [g.term, g.definition]),
    ].join('\n'),
  );
}

/** The phrases of `from` that `other`'s whole text does not contain. */
export function phrasesMissingFrom(from: DocumentBundle, other: DocumentBundle): PhraseRow[] {
  const haystack = wholeText(other);
  return phrasesOf(from).filter((row) => !haystack.includes(foldText(row.phrase)));
}
