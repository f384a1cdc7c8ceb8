/**
 * lunr's scores for a query over a few documents whose field tokens are given, computed directly
 * rather than by building a lunr index and querying it: the same BM25 per field (k1 1.2, b 0.75,
 * lunr's idf, field vectors rounded to three decimals, field and document boosts), the same
 * vector-space similarity per field, summed per document in the order lunr sums them, and the
 * same REQUIRED / OPTIONAL rules — so the scores are lunr 2.3.9's to the last bit (a unit test
 * compares them with lunr's own). Building and querying the index was two thirds of ranking a
 * window of 50 hits: objects per term, field and document that one query never uses again.
 */

const K1 = 1.2;
const B = 0.75;

export interface ScoredDoc {
  /** Per field (in the order of the field boosts): its tokens, repeats included. */
  fields: string[][];
  /** Per field: its length, as lunr's `fieldLengths` would have it. */
  lengths: number[];
  boost: number;
}

export interface ScoreClause {
  term: string;
  /** lunr's REQUIRED presence; OPTIONAL otherwise. */
  required: boolean;
  /** Field numbers the clause searches. */
  fields: number[];
}

/** One score per document: lunr's `score` for it, 0 when lunr returns it not. */
export function fieldScores(docs: ScoredDoc[], fieldBoosts: number[], clauses: ScoreClause[]): Float64Array {
  const nf = fieldBoosts.length;
  const n = docs.length;
  // Term numbers in order of first appearance (lunr's `_index`: vectors are sorted by it).
  const terms = new Map<string, number>();
  for (const doc of docs)
    for (let f = 0; f < nf; f++)
      for (const token of doc.fields[f]!) if (!terms.has(token)) terms.set(token, terms.size);
  // Term frequencies per document and field in one array, at [(d * nf + f) * nt + t]: the fields'
  // tokens are only the query's terms and words, so it stays small (a Map per document and field
  // was 200 Maps a window, all garbage after it).
  const nt = terms.size;
  const tfs = new Uint32Array(n * nf * nt);
  docs.forEach((doc, d) => {
    for (let f = 0; f < nf; f++)
      for (const token of doc.fields[f]!) tfs[(d * nf + f) * nt + terms.get(token)!]!++;
  });
  const tfOf = (d: number, f: number, t: number) => tfs[(d * nf + f) * nt + t]!;
  // lunr's idf counts a document once per field that has the term.
  const withTerm = new Uint32Array(nt);
  for (let slot = 0; slot < n * nf; slot++)
    for (let t = 0; t < nt; t++) if (tfs[slot * nt + t]) withTerm[t]!++;
  const average = new Float64Array(nf);
  for (let f = 0; f < nf; f++) {
    let sum = 0;
    for (const doc of docs) sum += doc.lengths[f]!;
    average[f] = sum / n;
  }
  const weight = (d: number, f: number, t: number, tf: number): number => {
    const x = (n - withTerm[t]! + 0.5) / (withTerm[t]! + 0.5);
    const idf = Math.log(1 + Math.abs(x));
    let score = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (docs[d]!.lengths[f]! / average[f]!)) + tf);
    score *= fieldBoosts[f] || 1;
    score *= docs[d]!.boost || 1;
    return Math.round(score * 1000) / 1000;
  };

  const queryVectors = Array.from({ length: nf }, () => new Map<number, number>());
  const required: (Uint8Array | undefined)[] = new Array(nf);
  // Per document, its matching fields in the order lunr first meets them (its sum follows it).
  const matched: number[][] = Array.from({ length: n }, () => []);
  const seen = new Set<number>();
  for (const clause of clauses) {
    const t = terms.get(clause.term);
    if (t === undefined) {
      if (clause.required) for (const f of clause.fields) required[f] = new Uint8Array(n);
      continue;
    }
    const clauseMatches = new Uint8Array(n);
    for (const f of clause.fields) {
      if (clause.required) {
        for (let d = 0; d < n; d++) if (tfOf(d, f, t)) clauseMatches[d] = 1;
        required[f] ??= new Uint8Array(n).fill(1);
      }
      queryVectors[f]!.set(t, (queryVectors[f]!.get(t) ?? 0) + 1);
      if (seen.has(t * nf + f)) continue;
      seen.add(t * nf + f);
      for (let d = 0; d < n; d++) if (tfOf(d, f, t) && !matched[d]!.includes(f)) matched[d]!.push(f);
    }
    if (clause.required)
      for (const f of clause.fields) for (let d = 0; d < n; d++) required[f]![d]! &= clauseMatches[d]!;
  }

  // Query vectors in term order, with their magnitudes (lunr's dot product walks that order).
  const sorted = queryVectors.map((v) => [...v].sort((a, b) => a[0] - b[0]));
  const magnitudes = sorted.map((v) => Math.sqrt(v.reduce((s, [, w]) => s + w * w, 0)));
  const scores = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    if (required.some((r) => r !== undefined && !r[d])) continue;
    let score = 0;
    for (const f of matched[d]!) {
      let dot = 0;
      for (const [t, w] of sorted[f]!) {
        const count = tfOf(d, f, t);
        if (count) dot += w * weight(d, f, t, count);
      }
      score += dot / magnitudes[f]! || 0;
    }
    scores[d] = score;
  }
  return scores;
}
