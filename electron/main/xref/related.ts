import type { RelatedPassage } from '../../../shared/domain/xref';
import type { LiveSegment } from '../search/domain';
import { foldText } from '../search/domain';
import { keyPhrases } from './key-phrases';
import {
  candidateCount,
  passageTotals,
  phraseCandidates,
  verifyPhrase,
  type PhraseHit,
} from './phrase-postings';

/** Phrases of the passage looked up at all: a long passage's most repeated ones, longer first. */
const MAX_PHRASES = 300;
/** Phrases of the passage that carry its topic; more only add noise and time. */
const KEY_PHRASES = 24;
/** Phrases checked against the text before giving up on finding KEY_PHRASES good ones. */
const VERIFY_TRIES = KEY_PHRASES * 3;
/** A phrase in more passages than this says little about a topic, and costs the most to read. */
const POSTINGS_PER_PHRASE = 1500;
/** Candidates of a phrase checked against their text; a phrase with more is too common to weigh. */
const VERIFY_CAP = 3000;
/** Candidates whose score is worked out in full. */
const RESCORED = 150;
const SHARED_SHOWN = 6;
const MIN_SHARED = 2;
const K1 = 1.2;
const B = 0.6;

const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

interface KeyPhrase {
  phrase: string;
  idf: number;
  hits: PhraseHit[];
}

/**
 * The passage's most distinctive phrases (in other passages too, rare in the library, repeated
 * in the passage), each with the passages that hold it. Document frequencies come from the
 * search index: first the candidate count of every phrase (an upper bound, from the postings
 * alone), then, rarest first, the verified passages of the few that may be key phrases.
 */
function keyPhrasesOf(segments: readonly LiveSegment[], text: string, n: number): KeyPhrase[] {
  const phrases = [...keyPhrases(text)]
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_PHRASES)
    .map(([phrase, tf]) => {
      const folded = foldText(phrase);
      const cands = phraseCandidates(segments, folded);
      return { phrase, folded, tf, cands, upper: candidateCount(cands) };
    })
    .filter((p) => p.upper >= 2 && p.upper <= VERIFY_CAP)
    .sort(
      (a, b) =>
        idf(n, b.upper) * Math.min(b.tf, 3) - idf(n, a.upper) * Math.min(a.tf, 3) ||
        (a.phrase < b.phrase ? -1 : 1),
    );
  const keys: (KeyPhrase & { weight: number })[] = [];
  for (const p of phrases.slice(0, VERIFY_TRIES)) {
    if (keys.length >= KEY_PHRASES) break;
    const hits = verifyPhrase(segments, p.folded, p.cands);
    // The passage itself is one of the hits: a key phrase is found elsewhere too.
    if (hits.length < 2 || hits.length - 1 > POSTINGS_PER_PHRASE) continue;
    const weight = idf(n, hits.length);
    keys.push({ phrase: p.phrase, idf: weight, hits, weight: weight * Math.min(p.tf, 3) });
  }
  return keys.sort((a, b) => b.weight - a.weight || (a.phrase < b.phrase ? -1 : 1));
}

/** Shared phrases to show: the most distinctive first, none that a longer shown phrase contains. */
function shownPhrases(shared: { phrase: string; idf: number }[]): string[] {
  const out: string[] = [];
  for (const { phrase } of [...shared].sort((a, b) => b.phrase.length - a.phrase.length || b.idf - a.idf)) {
    if (out.some((p) => p.includes(phrase))) continue;
    out.push(phrase);
  }
  const weight = new Map(shared.map((s) => [s.phrase, s.idf]));
  return out.sort((a, b) => weight.get(b)! - weight.get(a)!).slice(0, SHARED_SHOWN);
}

/**
 * Passages of other documents that share the passage's key phrases, best first: BM25 over the
 * key phrases (IDF from the whole library), so a paragraph that shares rare phrases (城镇调查失业率,
 * 居民消费价格) ranks above one that shares common ones (发展, 推进). Computed when asked, from
 * the search index's postings (see phrase-postings.ts): nothing is built or stored for it, so
 * import pays nothing and the cost of an answer is bounded by the phrases looked up, the
 * candidates verified per phrase and the passages rescored, whatever the library's size.
 */
export function relatedPassages(
  segments: readonly LiveSegment[],
  text: string,
  docId: string,
  limit: number,
): RelatedPassage[] {
  const { passages: n, averageChars } = passageTotals(segments);
  const scores = new Map<
    string,
    { docId: string; length: number; score: number; shared: { phrase: string; idf: number; tf: number }[] }
  >();
  for (const key of keyPhrasesOf(segments, text, n)) {
    for (const hit of key.hits) {
      const { segment } = segments[hit.segment]!;
      const hitDoc = segment.docs[segment.docSlots[hit.unit]!]!.id;
      const passageId = segment.passageIds.at(hit.unit);
      if (hitDoc === docId || !passageId) continue;
      let entry = scores.get(passageId);
      if (!entry) {
        const length = segment.textStarts[hit.unit + 1]! - segment.textStarts[hit.unit]!;
        scores.set(passageId, (entry = { docId: hitDoc, length, score: 0, shared: [] }));
      }
      entry.score += key.idf;
      entry.shared.push({ phrase: key.phrase, idf: key.idf, tf: hit.tf });
    }
  }
  // One shared phrase (各位代表) is a coincidence, not a relation.
  const top = [...scores]
    .filter(([, e]) => e.shared.length >= MIN_SHARED)
    .sort((a, b) => b[1].score - a[1].score)
    .slice(0, RESCORED);
  return top
    .map(([id, entry]) => {
      const norm = 1 - B + (B * entry.length) / averageChars;
      const score = entry.shared.reduce((s, p) => s + (p.idf * (p.tf * (K1 + 1))) / (p.tf + K1 * norm), 0);
      return {
        docId: entry.docId,
        passageId: id,
        score: Math.round(score * 1000) / 1000,
        shared: shownPhrases(entry.shared),
      };
    })
    .sort((a, b) => b.score - a.score || a.passageId.localeCompare(b.passageId))
    .slice(0, limit);
}
