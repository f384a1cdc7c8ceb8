import type lunrModule from 'lunr';
import type lunrPlugin from 'lunr-languages/lunr.zh';
import { lazyPackage } from '../kernel/lazy-package';
import { fieldScores, type ScoreClause, type ScoredDoc } from './field-scores';
import { gramCount, gramText } from './grams';
import { occurrencesIn, type CompiledQuery } from './matcher';
import { wordTokenizer } from './word-tokens';

/** Field weights: a hit in a lead phrase or a section title counts more than one in body text. */
export const FIELD_BOOST = { body: 1, lead: 2, section: 1.5, words: 1 } as const;
const MAX_TF = 20;
const CONTEXT = 6;
const ITEMS_PER_STEP = 10;

// Only ranking a page of hits needs lunr: loaded then, not by every command that opens a library.
const lunrPackage = lazyPackage<typeof lunrModule>('lunr');
const plugin = (id: string) => lazyPackage<typeof lunrPlugin>(`lunr-languages/${id}`)();

interface WordAnalyzer {
  index(text: string): string[];
  query(text: string): string[];
}

let analyzer: WordAnalyzer | null = null;

/**
 * Words as lunr-languages sees them (Chinese segmentation plus English stemming and stop words).
 * Without @node-rs/jieba it segments with Intl.Segmenter, the same in main, renderer and tests;
 * it says so once on the console, which would corrupt the CLI's JSON, so that one call is quiet.
 */
function words(): WordAnalyzer {
  if (analyzer) return analyzer;
  const lunr = lunrPackage();
  plugin('lunr.stemmer.support')(lunr);
  plugin('lunr.zh')(lunr);
  plugin('lunr.multi')(lunr);
  const builder = new lunr.Builder();
  builder.use(lunr.multiLanguage('en', 'zh'));
  const { tokenizer, pipeline, searchPipeline } = builder;
  const info = console.info;
  let segmenterFallback = false;
  console.info = (message: unknown) => {
    if (String(message).includes('Intl.Segmenter')) segmenterFallback = true;
  };
  try {
    tokenizer('预热');
  } finally {
    console.info = info;
  }
  // The query's words too: lunr's tokenizer over a query's few literals was about 0.1 ms of a query.
  const wordsBy = (p: typeof pipeline) =>
    segmenterFallback
      ? wordTokenizer({
          separator: lunr.tokenizer.separator,
          pipeline: (token) => p.run([new lunr.Token(token, {})]).map(String),
        })
      : (text: string) => p.run(tokenizer(text)).map(String);
  return (analyzer = { index: wordsBy(pipeline), query: wordsBy(searchPipeline) });
}

export interface WindowItem {
  /** Folded unit text. */
  text: string;
  emphasis: readonly [number, number] | null;
  /** Folded title of the unit's section and its parents, '' when none. */
  sectionTitle: string;
  /** Weight of the unit's field (a glossary term weighs more than a definition). */
  boost: number;
}

/** Tokens of one field: each query term as often as it occurs there (capped). */
function termTokens(text: string, terms: string[]): string[] {
  const out: string[] = [];
  if (!text) return out;
  for (const term of terms) {
    const n = Math.min(occurrencesIn(text, term).length / 2, MAX_TF);
    for (let i = 0; i < n; i++) out.push(term);
  }
  return out;
}

/** Context windows segmented lately: up to this many kept. */
const CONTEXTS_KEPT = 8192;
const contexts = new Map<string, string[]>();

/**
 * Words of a context window. Segmenting them (Intl.Segmenter) was a third of a query's CPU; the
 * same windows come back across queries (a refined query hits the same units, reports share set
 * phrases): 65 % of 13,000 windows over 300 queries at L, CPU p50 16–17 → 12.5–13 ms.
 */
function contextOf(window: string): string[] {
  const known = contexts.get(window);
  if (known) return known;
  const found = words().index(window);
  // A copy, not the slice: a slice of a segment's text block would keep the whole block alive.
  // Joined and cut again, the window is flattened into a string of its own (a Buffer round trip
  // cost more than the rest of looking the window up).
  contexts.set(`\u0000${window}`.slice(1), found);
  if (contexts.size > CONTEXTS_KEPT) contexts.delete(contexts.keys().next().value!);
  return found;
}

/**
 * Words around the first occurrence of each literal (is the hit a word of its own or inside a
 * longer one?), kept only where they are query words, with the count of all words around.
 */
function contextWords(
  text: string,
  literals: string[],
  wanted: Set<string>,
): { tokens: string[]; length: number } {
  const tokens: string[] = [];
  let length = 0;
  for (const literal of literals) {
    const at = text.indexOf(literal);
    if (at < 0) continue;
    const around = contextOf(text.slice(Math.max(0, at - CONTEXT), at + literal.length + CONTEXT));
    length += around.length;
    for (const w of around) if (wanted.has(w)) tokens.push(w);
  }
  return { tokens, length };
}

/** One item's fields as lunr would index them: the query's terms, its lead, its sections, its words. */
function scoredDoc(item: WindowItem, literals: string[], terms: string[], wanted: Set<string>): ScoredDoc {
  const lead = item.emphasis ? item.text.slice(item.emphasis[0], item.emphasis[1]) : '';
  const around = contextWords(item.text, literals, wanted);
  // Field lengths are those of the whole text, not of the few tokens scored.
  return {
    fields: [
      termTokens(item.text, terms),
      termTokens(lead, terms),
      termTokens(item.sectionTitle, terms),
      around.tokens,
    ],
    lengths: [gramCount(item.text), gramCount(lead), gramCount(item.sectionTitle), around.length],
    boost: item.boost,
  };
}

/**
 * Ranks a window of verified hits as lunr does (`field-scores.ts`: its scores, without building
 * its index): BM25 per field over just these units and just the query's terms, field and unit
 * boosts — every n-gram of a plain literal required, the n-grams of `OR` alternatives optional,
 * the literals' words optional in the `words` field. Returns one score per item.
 * Sliced: it yields every few items and before scoring.
 */
export function* lunrScores(items: WindowItem[], query: CompiledQuery): Generator<void, Float64Array> {
  const scores = new Float64Array(items.length);
  const literals = query.clauses.flat();
  const terms = [...new Set(literals.flatMap((l) => l.grams.map(gramText)))];
  const queryWords = [...new Set(literals.flatMap((l) => words().query(l.text)))].filter(
    (w) => !w.includes('*'),
  );
  const wanted = new Set(queryWords);
  if (!items.length || (!terms.length && !queryWords.length)) return scores;

  const fields = Object.values(FIELD_BOOST);
  const texts = literals.map((l) => l.text);
  const docs: ScoredDoc[] = [];
  for (let ref = 0; ref < items.length; ref++) {
    // Segmenting words around each hit is the costly part of a window: yield between a few items.
    if (ref % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
    docs.push(scoredDoc(items[ref]!, texts, terms, wanted));
  }
  yield;
  // Every n-gram of a plain literal required, the n-grams of `OR` alternatives optional, in the
  // text fields; the literals' words optional in the words field.
  const clauses: ScoreClause[] = [];
  for (const clause of query.clauses)
    for (const literal of clause)
      for (const g of literal.grams)
        clauses.push({ term: gramText(g), required: clause.length === 1, fields: [0, 1, 2] });
  for (const w of queryWords) clauses.push({ term: w, required: false, fields: [3] });
  scores.set(fieldScores(docs, fields, clauses));
  return scores;
}
