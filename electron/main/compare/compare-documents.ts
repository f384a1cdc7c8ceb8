import type {
  ComparedDocument,
  DocumentComparison,
  PassagePair,
  SectionPair,
} from '../../../shared/domain/compare';
import type { DocumentBundle, Passage, Section } from '../../../shared/domain/library';
import { alignSequences, type AlignStep } from './align';
import { phrasesMissingFrom } from './phrases';
import {
  bigramCounts,
  cosine,
  inverseFrequencies,
  PROFILE_CHARS,
  profileOf,
  type Profile,
  titleKey,
  toProfile,
} from './profile';
import { diffSentences } from './sentences';

/** Sections whose combined similarity is below this are not paired (shown as added and removed). */
const SECTION_THRESHOLD = 0.15;
/** Sections out of order (a task moved up the list) are paired only when clearly alike. */
const MOVED_THRESHOLD = 0.25;
const PASSAGE_THRESHOLD = 0.15;
/** A heading says what a section is about; its text says what it holds. Text weighs more. */
const TITLE_WEIGHT = 0.35;
/** Past this many units on one side, the rest of a level is listed unpaired instead of aligned. */
const MAX_UNITS = 1500;
/** Leftovers considered for a move, per side (keeps the pairing quadratic in a small number). */
const MAX_MOVE_CANDIDATES = 60;

interface Side {
  bundle: DocumentBundle;
  children: Map<string | null, Section[]>;
  ownPassages: Map<string | null, Passage[]>;
}

function sideOf(bundle: DocumentBundle): Side {
  const children = new Map<string | null, Section[]>();
  for (const s of bundle.sections) {
    const list = children.get(s.parentId) ?? [];
    list.push(s);
    children.set(s.parentId, list);
  }
  const ownPassages = new Map<string | null, Passage[]>();
  for (const p of bundle.passages) {
    const list = ownPassages.get(p.sectionId) ?? [];
    list.push(p);
    ownPassages.set(p.sectionId, list);
  }
  return { bundle, children, ownPassages };
}

/** A section's subtree as one text (headings and passages), cut at the profile's cap. */
function subtreeText(side: Side, section: Section): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (s: Section) => {
    for (const p of side.ownPassages.get(s.id) ?? []) {
      if (length >= PROFILE_CHARS) return;
      parts.push(p.text);
      length += p.text.length;
    }
    for (const child of side.children.get(s.id) ?? []) {
      if (length >= PROFILE_CHARS) return;
      parts.push(child.title);
      length += child.title.length;
      visit(child);
    }
  };
  visit(section);
  return parts.join('\n');
}

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
 * Pairs what the monotone alignment left over on both sides when clearly alike (a section moved),
 * shown at its place in B; the A-only step it replaces disappears. Unpaired items are few.
 */
function withMoves(steps: AlignStep[], similarity: (i: number, j: number) => number) {
  const lonelyA = steps.flatMap((s) => (s.j === null && s.i !== null ? [s.i] : []));
  const lonelyB = steps.flatMap((s) => (s.i === null && s.j !== null ? [s.j] : []));
  const candidates = lonelyA
    .slice(0, MAX_MOVE_CANDIDATES)
    .flatMap((i) => lonelyB.slice(0, MAX_MOVE_CANDIDATES).map((j) => ({ i, j, s: similarity(i, j) })))
    .filter((c) => c.s >= MOVED_THRESHOLD)
    .sort((x, y) => y.s - x.s);
  const movedTo = new Map<number, { i: number; s: number }>();
  const takenA = new Set<number>();
  for (const c of candidates) {
    if (takenA.has(c.i) || movedTo.has(c.j)) continue;
    takenA.add(c.i);
    movedTo.set(c.j, { i: c.i, s: c.s });
  }
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
    const countsA: Map<number, number>[] = [];
    const countsB: Map<number, number>[] = [];
    for (const s of sa) {
      countsA.push(bigramCounts(subtreeText(A, s)));
      yield;
    }
    for (const s of sb) {
      countsB.push(bigramCounts(subtreeText(B, s)));
      yield;
    }
    const idf = inverseFrequencies([...countsA, ...countsB]);
    yield;
    const textA: Profile[] = [];
    const textB: Profile[] = [];
    for (const c of countsA) {
      textA.push(toProfile(c, idf));
      yield;
    }
    for (const c of countsB) {
      textB.push(toProfile(c, idf));
      yield;
    }
    const keysA = sa.map((s) => titleKey(s.title));
    const keysB = sb.map((s) => titleKey(s.title));
    const titleA = keysA.map(profileOf);
    const titleB = keysB.map(profileOf);
    yield;
    const similarity = (i: number, j: number) => {
      const content = cosine(textA[i]!, textB[j]!);
      if (!keysA[i] || !keysB[j]) return content;
      const title = keysA[i] === keysB[j] ? 1 : cosine(titleA[i]!, titleB[j]!);
      return TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * content;
    };
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

  const preamble = yield* alignPassages(A.ownPassages.get(null) ?? [], B.ownPassages.get(null) ?? []);
  yield;
  yield* alignLevel(null, null, 0);

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
