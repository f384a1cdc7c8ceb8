import type { RelatedPassage } from '../../../shared/domain/xref';
import type { Db } from '../store/database';
import {
  indexTotals,
  passagePhrases,
  phraseCounts,
  postingsOutside,
  type PassagePhrase,
} from './phrase-store';

/** Phrases of the passage that carry its topic; more only add noise and time. */
const KEY_PHRASES = 24;
/** Passages read per phrase: a phrase in more passages than this says little anyway. */
const POSTINGS_PER_PHRASE = 1500;
/** Candidates whose length is looked up for the final score. */
const RESCORED = 150;
const SHARED_SHOWN = 6;
const MIN_SHARED = 2;
const K1 = 1.2;
const B = 0.6;

const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** The passage's most distinctive phrases: in other passages too, and rare in the library. */
function keyPhrasesOf(phrases: PassagePhrase[], n: number): (PassagePhrase & { idf: number })[] {
  return phrases
    .filter((p) => p.df >= 2 && p.df - p.tf < POSTINGS_PER_PHRASE)
    .map((p) => ({ ...p, idf: idf(n, p.df) }))
    .sort((a, b) => b.idf * Math.min(a.tf, 3) - a.idf * Math.min(b.tf, 3) || a.phrase.localeCompare(b.phrase))
    .slice(0, KEY_PHRASES);
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
 * 居民消费价格) ranks above one that shares common ones (发展, 推进). Work is bounded by the number
 * of key phrases, postings per phrase and rescored candidates, whatever the library's size.
 */
export function relatedPassages(db: Db, passageId: string, docId: string, limit: number): RelatedPassage[] {
  const { passages: n, averagePhrases } = indexTotals(db);
  const keys = keyPhrasesOf(passagePhrases(db, passageId), n);
  const scores = new Map<
    string,
    { docId: string; score: number; shared: { phrase: string; idf: number; tf: number }[] }
  >();
  for (const key of keys) {
    for (const post of postingsOutside(db, key.phrase, docId, POSTINGS_PER_PHRASE)) {
      let entry = scores.get(post.passageId);
      if (!entry) scores.set(post.passageId, (entry = { docId: post.docId, score: 0, shared: [] }));
      entry.score += key.idf;
      entry.shared.push({ phrase: key.phrase, idf: key.idf, tf: post.tf });
    }
  }
  // One shared phrase (各位代表) is a coincidence, not a relation.
  const top = [...scores]
    .filter(([, e]) => e.shared.length >= MIN_SHARED)
    .sort((a, b) => b[1].score - a[1].score)
    .slice(0, RESCORED);
  const lengths = phraseCounts(
    db,
    top.map(([id]) => id),
  );
  return top
    .map(([id, entry]) => {
      const norm = 1 - B + (B * lengths.get(id)!) / averagePhrases;
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
