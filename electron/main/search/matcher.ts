import { requiredGrams } from './grams';
import { matchByPositions, positionalLiterals } from './positional-match';
import { intersectAll, union } from './postings';
import type { ParsedQuery } from './query-parser';
import { candidatesOf, type Segment } from './segment';
import {
  inScope,
  MatchBuilder,
  VERIFY_STEP,
  type CompiledQuery,
  type Scope,
  type SegmentMatch,
} from './unit-match';

export {
  VERIFY_STEP,
  type CompiledLiteral,
  type CompiledQuery,
  type Scope,
  type SegmentMatch,
} from './unit-match';

/** The query as required terms per literal: the same n-grams the index was built with. */
export function compileQuery(q: ParsedQuery): CompiledQuery {
  return {
    clauses: q.clauses.map((clause) => clause.map((l) => ({ text: l.text, grams: requiredGrams(l.text) }))),
    excludes: q.excludes.map((l) => l.text),
  };
}

/** Non-overlapping occurrences of `needle` in `text`, as [start, end) pairs appended to `out`. */
export function occurrencesIn(text: string, needle: string, out: number[] = []): number[] {
  if (!needle) return out;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length))
    out.push(at, at + needle.length);
  return out;
}

function candidates(segment: Segment, query: CompiledQuery): Uint32Array | null {
  let acc: Uint32Array | null = null;
  for (const clause of query.clauses) {
    let clauseUnits: Uint32Array | null = new Uint32Array(0);
    for (const literal of clause) {
      if (!literal.grams.length) {
        // Punctuation only: no term narrows it, every unit is a candidate.
        clauseUnits = null;
        break;
      }
      clauseUnits = union(clauseUnits, candidatesOf(segment, literal.grams));
    }
    if (clauseUnits === null) continue;
    acc = acc === null ? clauseUnits : intersectAll([acc, clauseUnits]);
    if (!acc.length) break;
  }
  return acc;
}

const everyUnit = (count: number): Uint32Array => Uint32Array.from({ length: count }, (_, u) => u);

/** About a candidate a block or more: verifying them reads most of the segment's text once. */
const readsMostText = (segment: Segment, candidates: number) => candidates >= segment.text.blocks;

/**
 * One literal over many candidates: a forward walk through the segment's text from one occurrence
 * to the next, instead of a search per unit — through the whole text in memory, block by block
 * when it is read from the library. Occurrences that straddle two units or fall in a unit out of
 * scope are stepped over.
 */
function* scanOne(
  segment: Segment,
  literal: string,
  cands: Uint32Array,
  scope: Scope,
): Generator<void, SegmentMatch> {
  const out = new MatchBuilder(cands.length);
  const { textStarts, emphasis } = segment;
  const n = literal.length;
  const passing = readsMostText(segment, cands.length);
  let text = '';
  let base = 0;
  let windowEnd = -1;
  // Next occurrence at or after the last search start, in text offsets; past the window when none.
  let at = -1;
  const next = (from: number) => {
    const found = text.indexOf(literal, from - base);
    return found < 0 ? windowEnd + n : base + found;
  };
  for (let i = 0; i < cands.length; i++) {
    if (i % VERIFY_STEP === VERIFY_STEP - 1) yield;
    const u = cands[i]!;
    const start = textStarts[u]!;
    const end = textStarts[u + 1]!;
    if (!inScope(segment, scope, u)) continue;
    if (start < base || end > windowEnd) {
      ({ text, base } = segment.text.window(start, end, passing));
      windowEnd = base + text.length;
      at = -1;
    }
    if (at < start) at = next(start);
    if (at + n > end) continue;
    const emStart = start + emphasis[2 * u]!;
    const emEnd = start + emphasis[2 * u + 1]!;
    let count = 0;
    let emphasised = false;
    for (; at + n <= end; at = next(at + n)) {
      count++;
      if (at >= emStart && at + n <= emEnd) emphasised = true;
    }
    out.add(u, count, emphasised);
  }
  return out.done();
}

/**
 * Units of one segment that really contain the query: from the positions of its literals' terms
 * when the segment keeps them and every literal is a run of word characters, else candidates from
 * the postings, each checked against its folded text, so no unit is returned that lacks a literal
 * or has an excluded one.
 * Sliced: it yields every VERIFY_STEP candidates, so a query over a large library can run in
 * slices on the main thread (see TaskRunner) without holding up IPC.
 */
export function* matchSegmentTask(
  segment: Segment,
  query: CompiledQuery,
  scope: Scope,
): Generator<void, SegmentMatch> {
  const literals = segment.positions ? positionalLiterals(query) : null;
  if (literals) return yield* matchByPositions(segment, query, literals, scope);
  const cands = candidates(segment, query);
  yield;
  const only =
    query.clauses.length === 1 &&
    query.clauses[0]!.length === 1 &&
    query.clauses[0]![0]!.text !== '' &&
    !query.excludes.length;
  // Many candidates for one literal (every unit when it has no term, such as `%`): walk the text
  // once rather than slice and search unit by unit.
  if (only && (!cands || cands.length * 8 > segment.count))
    return yield* scanOne(segment, query.clauses[0]![0]!.text, cands ?? everyUnit(segment.count), scope);
  const n = cands ? cands.length : segment.count;
  const passing = readsMostText(segment, n);
  const out = new MatchBuilder(n);
  const found: number[] = [];
  // Units are cut from the block in hand (a block lookup per unit was most of verifying one).
  let block = '';
  let base = 0;
  let blockEnd = -1;
  for (let i = 0; i < n; i++) {
    if (i % VERIFY_STEP === VERIFY_STEP - 1) yield;
    const u = cands ? cands[i]! : i;
    if (!inScope(segment, scope, u)) continue;
    const start = segment.textStarts[u]!;
    const end = segment.textStarts[u + 1]!;
    if (start < base || end > blockEnd) {
      ({ text: block, base } = segment.text.window(start, end, passing));
      blockEnd = base + block.length;
    }
    const text = block.slice(start - base, end - base);
    found.length = 0;
    let ok = true;
    for (const clause of query.clauses) {
      const before = found.length;
      for (const literal of clause) occurrencesIn(text, literal.text, found);
      if (found.length === before) {
        ok = false;
        break;
      }
    }
    if (!ok || query.excludes.some((x) => text.includes(x))) continue;
    const emStart = segment.emphasis[2 * u]!;
    const emEnd = segment.emphasis[2 * u + 1]!;
    let emphasised = false;
    for (let k = 0; k < found.length && emEnd > emStart; k += 2)
      if (found[k]! >= emStart && found[k + 1]! <= emEnd) emphasised = true;
    out.add(u, found.length / 2, emphasised);
  }
  return out.done();
}

/** Hit ranges of a unit's text: every occurrence of every positive literal, sorted and merged. */
export function hitRanges(text: string, query: CompiledQuery): [number, number][] {
  const flat: number[] = [];
  for (const clause of query.clauses) for (const literal of clause) occurrencesIn(text, literal.text, flat);
  const pairs: [number, number][] = [];
  for (let k = 0; k < flat.length; k += 2) pairs.push([flat[k]!, flat[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of pairs) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
