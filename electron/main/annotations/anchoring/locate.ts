import { approximateMatches, bigramContainment } from './fuzzy';
import { contextScore, type Quote } from './selectors';

export interface Anchor extends Quote {
  start: number;
  end: number;
}

export interface Located {
  outcome: 'exact' | 'moved' | 'fuzzy';
  passageIndex: number;
  start: number;
  end: number;
}

export interface LocateInput {
  anchor: Anchor;
  /** Texts of the new edition's passages, in order. */
  passages: readonly string[];
  /** Index of the passage that corresponds to the old one (alignment), or -1. */
  corresponding: number;
  /** The old passage text, when known (null for an orphan being retried). */
  oldText: string | null;
  /** False to look for the exact quote only (a batch out of time for approximate matching). */
  fuzzy?: boolean;
}

/** Quotes this long are distinctive enough that a unique occurrence needs no context. */
const DISTINCTIVE = 16;
/** Below this, no fuzzy match at all: a 4-character term differing by one character is another term. */
const FUZZY_MIN = 8;
/** Quotes shorter than this need their context to agree when matched fuzzily. */
const FUZZY_SELF_EVIDENT = 24;
/**
 * Above this, no fuzzy match either: approximate matching costs quote length × passage length,
 * and a quote this long that no longer occurs exactly has been rewritten, not touched up.
 */
export const FUZZY_MAX = 2000;
/** Fuzzy matching looks only at passages holding at least this share of the quote's bigrams. */
const FUZZY_FILTER = 0.5;

const occurrences = (text: string, exact: string): number[] => {
  const out: number[] = [];
  for (let i = text.indexOf(exact); i >= 0; i = text.indexOf(exact, i + 1)) out.push(i);
  return out;
};

/** A few characters of the old context (or all there was): enough where other evidence agrees. */
const someContext = (q: Quote) => Math.min(6, q.prefix.length + q.suffix.length);
/**
 * For a short quote, most of one side of its context: the same term elsewhere in a similar
 * sentence must not pass for it, while text inserted right before or after it still may.
 */
const strongContext = (q: Quote) => {
  const available = q.prefix.length + q.suffix.length;
  return Math.min(available, Math.max(6, Math.ceil(available * 0.4)));
};

interface Candidate {
  passageIndex: number;
  start: number;
  end: number;
  context: number;
  distance: number;
}

/**
 * Finds where an annotation belongs in a new edition, in order of trust: the same text at the
 * same offset of the corresponding passage; the exact quote, unique or singled out by its context;
 * a close quote with context. Returns null (orphan) rather than guess between equal candidates.
 */
export function locate({
  anchor,
  passages,
  corresponding,
  oldText,
  fuzzy: approximate = true,
}: LocateInput): Located | null {
  const { exact, start, end } = anchor;
  const corr = corresponding >= 0 ? passages[corresponding]! : null;

  if (corr !== null && corr.slice(start, end) === exact) {
    if (corr === oldText || contextScore(corr, start, end, anchor) >= someContext(anchor))
      return { outcome: 'exact', passageIndex: corresponding, start, end };
  }

  const exactCandidates: Candidate[] = [];
  passages.forEach((text, passageIndex) => {
    for (const at of occurrences(text, exact)) {
      const context = contextScore(text, at, at + exact.length, anchor);
      exactCandidates.push({ passageIndex, start: at, end: at + exact.length, context, distance: 0 });
    }
  });
  if (exactCandidates.length) {
    const chosen = choose(exactCandidates, input(anchor, corresponding, oldText, passages));
    if (!chosen) return null;
    const same = chosen.passageIndex === corresponding && chosen.start === start;
    return { outcome: same ? 'exact' : 'moved', ...place(chosen) };
  }

  if (!approximate || exact.length < FUZZY_MIN || exact.length > FUZZY_MAX) return null;
  // One edit in 6 characters: 1 for an 8-character quote, 6 for a sentence of 36.
  const maxErrors = Math.floor(exact.length / 6);
  const fuzzy: Candidate[] = [];
  passages.forEach((text, passageIndex) => {
    if (passageIndex !== corresponding && bigramContainment(exact, text) < FUZZY_FILTER) return;
    for (const m of approximateMatches(exact, text, maxErrors)) {
      const context = contextScore(text, m.start, m.end, anchor);
      if (exact.length < FUZZY_SELF_EVIDENT && context < strongContext(anchor)) continue;
      fuzzy.push({ passageIndex, start: m.start, end: m.end, context, distance: m.distance });
    }
  });
  const chosen = fuzzy.length ? choose(fuzzy, input(anchor, corresponding, null, passages)) : null;
  return chosen ? { outcome: 'fuzzy', ...place(chosen) } : null;
}

const place = (c: Candidate) => ({ passageIndex: c.passageIndex, start: c.start, end: c.end });

interface ChooseInput {
  anchor: Anchor;
  corresponding: number;
  /** True when the old passage held the quote once and so does its counterpart: the same spot. */
  soleInCounterpart: boolean;
}

function input(anchor: Anchor, corresponding: number, oldText: string | null, passages: readonly string[]) {
  const soleInCounterpart =
    oldText !== null &&
    corresponding >= 0 &&
    occurrences(oldText, anchor.exact).length === 1 &&
    occurrences(passages[corresponding]!, anchor.exact).length === 1;
  return { anchor, corresponding, soleInCounterpart };
}

function choose(candidates: Candidate[], { anchor, corresponding, soleInCounterpart }: ChooseInput) {
  const distinctive = anchor.exact.length >= DISTINCTIVE;
  const needed = distinctive ? someContext(anchor) : strongContext(anchor);
  const trusted = candidates.filter(
    (c) =>
      c.context >= needed ||
      (distinctive && candidates.length === 1) ||
      (soleInCounterpart && c.passageIndex === corresponding),
  );
  if (!trusted.length) return null;
  const rank = (c: Candidate) => [c.distance, -c.context, c.passageIndex === corresponding ? 0 : 1];
  trusted.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
  const [best, second] = trusted;
  if (!second) return best!;
  const [x, y] = [rank(best!), rank(second)];
  // A tie on edits, context and passage is a guess: orphan instead.
  return x[0] === y[0] && x[1] === y[1] && x[2] === y[2] ? null : best!;
}
