import type { DocumentBundle, Passage, Section } from '../../../shared/domain/library';
import {
  bigramCounts,
  cosine,
  inverseFrequencies,
  PROFILE_CHARS,
  profileOf,
  titleKey,
  toProfile,
  type Profile,
} from './profile';

/** A heading says what a section is about; its text says what it holds. Text weighs more. */
const TITLE_WEIGHT = 0.35;
/** A section with subsections and one without are different kinds of thing (a part vs a task). */
const SHAPE_PENALTY = 0.5;

/** One report's sections and passages, indexed for the comparison. */
export interface Side {
  bundle: DocumentBundle;
  children: Map<string | null, Section[]>;
  ownPassages: Map<string | null, Passage[]>;
}

export function sideOf(bundle: DocumentBundle): Side {
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

export const isLeaf = (side: Side, section: Section): boolean => !side.children.get(section.id)?.length;

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

/**
 * Similarity of any section of `sa` to any of `sb`: title and content (bigram profiles weighted by
 * rarity among these sections). Built in steps that yield, one section at a time.
 */
export function* sectionSimilarity(
  A: Side,
  sa: readonly Section[],
  B: Side,
  sb: readonly Section[],
): Generator<void, (i: number, j: number) => number> {
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
  const leafA = sa.map((s) => isLeaf(A, s));
  const leafB = sb.map((s) => isLeaf(B, s));
  yield;
  return (i, j) => {
    const content = cosine(textA[i]!, textB[j]!);
    const title =
      !keysA[i] || !keysB[j] ? content : keysA[i] === keysB[j] ? 1 : cosine(titleA[i]!, titleB[j]!);
    const combined = TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * content;
    return leafA[i] === leafB[j] ? combined : combined * SHAPE_PENALTY;
  };
}
