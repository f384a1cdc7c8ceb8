import type {
  ComparedDocument,
  DocumentComparison,
  PassagePair,
  SectionPair,
} from '../../../shared/domain/compare';
import type { DocumentBundle, Passage, Section } from '../../../shared/domain/library';
import { alignSequences, type AlignStep } from './align';
import { phrasesMissingFrom } from './phrases';
import { bigramCounts, cosine, inverseFrequencies, toProfile } from './profile';
import { isLeaf, sectionSimilarity, sideOf } from './section-similarity';
import { diffSentences } from './sentences';

/** Sections whose combined similarity is below this are not paired (shown as added and removed). */
const SECTION_THRESHOLD = 0.15;
const PASSAGE_THRESHOLD = 0.15;
/** Past this many units on one side, the rest of a level is listed unpaired instead of aligned. */
const MAX_UNITS = 1500;
/** Leftovers considered for a move, per side (keeps the pairing quadratic in a small number). */
const MAX_MOVE_CANDIDATES = 60;

/** Passages aligned, then sentences within each pair; yields between pairs (a long section is many). */
function* alignPassages(a: Passage[], b: Passage[]): Generator<void, PassagePair[]> {
  // Weighted by rarity among these passages, so shared boilerplate (发展, 推进) does not pair unrelated ones.
  const countsA = a.slice(0, MAX_UNITS).map((p) => bigramCounts(p.text));
  yield;
  const countsB = b.slice(0, MAX_UNITS).map((p) => bigramCounts(p.text));
  yield;
  const idf = inverseFrequencies([...countsA, ...countsB]);
  const pa = countsA.map((c) => toProfile(c, idf));
  const pb = countsB.map((c) => toProfile(c, idf));
  yield;
  const { steps } = alignSequences(
    pa.length,
    pb.length,
    (i, j) => (a[i]!.text === b[j]!.text ? 1 : cosine(pa[i]!, pb[j]!)),
    PASSAGE_THRESHOLD,
  );
  const pairs: PassagePair[] = [];
  for (const { i, j, similarity } of steps) {
    const left = i === null ? null : a[i]!;
    const right = j === null ? null : b[j]!;
    pairs.push({
      a: left?.id ?? null,
      b: right?.id ?? null,
      similarity: Math.round(similarity * 1000) / 1000,
      changes: left && right ? diffSentences(left.text, right.text) : [],
    });
    if (left && right) yield;
  }
  for (const p of a.slice(MAX_UNITS)) pairs.push({ a: p.id, b: null, similarity: 0, changes: [] });
  for (const p of b.slice(MAX_UNITS)) pairs.push({ a: null, b: p.id, similarity: 0, changes: [] });
  return pairs;
}

/**
 * The clearly alike pairs among leftovers: each the other's best match above the section
 * threshold (mutual best, so one loose resemblance never steals a better partner). B index → A.
 */
function pairLeftovers(
  lonelyA: readonly number[],
  lonelyB: readonly number[],
  similarity: (i: number, j: number) => number,
): Map<number, { i: number; s: number }> {
  const as = lonelyA.slice(0, MAX_MOVE_CANDIDATES);
  const bs = lonelyB.slice(0, MAX_MOVE_CANDIDATES);
  const matrix = as.map((i) => bs.map((j) => similarity(i, j)));
  const bestOfA = matrix.map((row) => row.indexOf(Math.max(...row)));
  const bestOfB = bs.map((_, y) => {
    let best = 0;
    for (let x = 1; x < as.length; x++) if (matrix[x]![y]! > matrix[best]![y]!) best = x;
    return best;
  });
  const pairs = new Map<number, { i: number; s: number }>();
  as.forEach((i, x) => {
    const y = bestOfA[x]!;
    const s = matrix[x]![y]!;
    if (y >= 0 && bestOfB[y] === x && s >= SECTION_THRESHOLD) pairs.set(bs[y]!, { i, s });
  });
  return pairs;
}

/**
 * Pairs what the monotone alignment left over on both sides when clearly alike (a section moved),
 * shown at its place in B; the A-only step it replaces disappears. Unpaired items are few.
 */
function withMoves(steps: AlignStep[], similarity: (i: number, j: number) => number) {
  const lonelyA = steps.flatMap((s) => (s.j === null && s.i !== null ? [s.i] : []));
  const lonelyB = steps.flatMap((s) => (s.i === null && s.j !== null ? [s.j] : []));
  const movedTo = pairLeftovers(lonelyA, lonelyB, similarity);
  const takenA = new Set([...movedTo.values()].map((m) => m.i));
  return steps.flatMap((step) => {
    if (step.j === null && step.i !== null && takenA.has(step.i)) return [];
    const move = step.i === null && step.j !== null ? movedTo.get(step.j) : undefined;
    return move ? [{ i: move.i, j: step.j, similarity: move.s, moved: true }] : [{ ...step, moved: false }];
  });
}

function sectionRow(
  a: Section | null,
  b: Section | null,
  similarity: number,
  depth: number,
  passages: PassagePair[],
  moved = false,
): SectionPair {
  return {
    moved,
    a: a?.id ?? null,
    b: b?.id ?? null,
    similarity: Math.round(similarity * 1000) / 1000,
    depth,
    aTitle: a?.title ?? null,
    bTitle: b?.title ?? null,
    aLabel: a?.label ?? null,
    bLabel: b?.label ?? null,
    passages,
  };
}

/**
 * Compares two reports: sections aligned level by level (a part's sections only with the sections
 * of the part it is paired with), passages within paired sections, sentences within paired
 * passages. A generator that yields after each section pair, for a TaskRunner to slice.
 */
export function* compareDocuments(
  bundleA: DocumentBundle,
  bundleB: DocumentBundle,
): Generator<void, DocumentComparison> {
  const A = sideOf(bundleA);
  const B = sideOf(bundleB);
  const rows: SectionPair[] = [];
  let capped = false;

  const onlyOneSide = function* (side: 'a' | 'b', section: Section, depth: number): Generator<void> {
    const own = (side === 'a' ? A : B).ownPassages.get(section.id) ?? [];
    const passages = own.map((p): PassagePair => ({
      a: side === 'a' ? p.id : null,
      b: side === 'b' ? p.id : null,
      similarity: 0,
      changes: [],
    }));
    rows.push(
      side === 'a'
        ? sectionRow(section, null, 0, depth, passages)
        : sectionRow(null, section, 0, depth, passages),
    );
    for (const child of (side === 'a' ? A : B).children.get(section.id) ?? [])
      yield* onlyOneSide(side, child, depth + 1);
  };

  const alignLevel = function* (
    parentA: string | null,
    parentB: string | null,
    depth: number,
  ): Generator<void> {
    const all = { a: A.children.get(parentA) ?? [], b: B.children.get(parentB) ?? [] };
    const sa = all.a.slice(0, MAX_UNITS);
    const sb = all.b.slice(0, MAX_UNITS);
    if (sa.length < all.a.length || sb.length < all.b.length) capped = true;
    const similarity = yield* sectionSimilarity(A, sa, B, sb);
    const alignment = alignSequences(sa.length, sb.length, similarity, SECTION_THRESHOLD);
    if (alignment.banded) capped = true;
    yield;
    for (const { i, j, similarity: s, moved } of withMoves(alignment.steps, similarity)) {
      const a = i === null ? null : sa[i]!;
      const b = j === null ? null : sb[j]!;
      if (a && b) {
        const passages = yield* alignPassages(A.ownPassages.get(a.id) ?? [], B.ownPassages.get(b.id) ?? []);
        rows.push(sectionRow(a, b, s, depth, passages, moved));
        yield;
        yield* alignLevel(a.id, b.id, depth + 1);
      } else if (a) yield* onlyOneSide('a', a, depth);
      else if (b) yield* onlyOneSide('b', b, depth);
    }
    for (const a of all.a.slice(MAX_UNITS)) yield* onlyOneSide('a', a, depth);
    for (const b of all.b.slice(MAX_UNITS)) yield* onlyOneSide('b', b, depth);
  };

  /**
   * A report that restructures (2020's task parts became 2021's tasks under 重点工作) leaves
   * sections unpaired at different levels; leaf sections among them that are clearly alike are
   * paired here, shown at B's place as moved.
   */
  const pairAcrossLevels = function* (): Generator<void> {
    const sectionsA = new Map(bundleA.sections.map((s) => [s.id, s]));
    const sectionsB = new Map(bundleB.sections.map((s) => [s.id, s]));
    const sa = rows
      .flatMap((r) => (r.a && !r.b ? [sectionsA.get(r.a)!] : []))
      .filter((s) => isLeaf(A, s))
      .slice(0, MAX_MOVE_CANDIDATES);
    const sb = rows
      .flatMap((r) => (r.b && !r.a ? [sectionsB.get(r.b)!] : []))
      .filter((s) => isLeaf(B, s))
      .slice(0, MAX_MOVE_CANDIDATES);
    if (!sa.length || !sb.length) return;
    const similarity = yield* sectionSimilarity(A, sa, B, sb);
    const index = (list: readonly unknown[]) => list.map((_, k) => k);
    for (const [j, { i, s }] of pairLeftovers(index(sa), index(sb), similarity)) {
      const a = sa[i]!;
      const b = sb[j]!;
      rows.splice(
        rows.findIndex((r) => r.a === a.id),
        1,
      );
      const at = rows.findIndex((r) => r.b === b.id);
      const passages = yield* alignPassages(A.ownPassages.get(a.id) ?? [], B.ownPassages.get(b.id) ?? []);
      rows[at] = sectionRow(a, b, s, rows[at]!.depth, passages, true);
    }
  };

  const preamble = yield* alignPassages(A.ownPassages.get(null) ?? [], B.ownPassages.get(null) ?? []);
  yield;
  yield* alignLevel(null, null, 0);
  yield* pairAcrossLevels();

  const newer = isLater(bundleA, bundleB) ? 'a' : 'b';
  const [older, later] = newer === 'b' ? [bundleA, bundleB] : [bundleB, bundleA];
  const newPhrases = phrasesMissingFrom(later, older);
  yield;
  const droppedPhrases = phrasesMissingFrom(older, later);
  return {
    a: summary(bundleA),
    b: summary(bundleB),
    newer,
    preamble,
    sections: rows,
    newPhrases,
    droppedPhrases,
    capped,
  };
}

/** Whether A is the later report: by year, then date; a tie leaves B as the later one. */
function isLater(a: DocumentBundle, b: DocumentBundle): boolean {
  const ya = a.document.year;
  const yb = b.document.year;
  if (ya !== null && yb !== null && ya !== yb) return ya > yb;
  const da = a.document.date;
  const db = b.document.date;
  return da !== null && db !== null && da > db;
}

const summary = (b: DocumentBundle): ComparedDocument => ({
  id: b.document.id,
  title: b.document.title,
  issuer: b.document.issuer,
  year: b.document.year,
});

/** Runs the comparison to the end on this thread (the CLI and tests). */
export function compareNow(a: DocumentBundle, b: DocumentBundle): DocumentComparison {
  const task = compareDocuments(a, b);
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
  }
}
