import { formatCitation } from '../../../../../shared/domain/citation';
import type {
  DocumentBundle,
  FootnoteRef,
  GlossaryEntry,
  Measure,
  Passage,
  Section,
} from '../../../../../shared/domain/library';

/** What the reader draws, in reading order: section headings interleaved with passages. */
export type ReadingBlock = { type: 'heading'; section: Section } | { type: 'passage'; passage: Passage };

export interface OutlineNode {
  section: Section;
  /** Where a click on the heading goes: the section's first passage (its own or a subsection's). */
  firstPassageId: string | null;
  /** Passages of this very section that carry a lead phrase. */
  leads: Passage[];
  children: OutlineNode[];
}

/** Lookups over one document bundle, built once per loaded document. */
export interface DocIndex {
  passages: Passage[];
  passageById: Map<string, Passage>;
  position: Map<string, number>;
  sectionById: Map<string, Section>;
  blocks: ReadingBlock[];
  outline: OutlineNode[];
  /** Sections with a passage, in order: the stops of `[` / `]`. */
  sectionStops: { section: Section; firstPassageId: string }[];
  markersByPassage: Map<string, FootnoteRef[]>;
  glossaryById: Map<string, GlossaryEntry>;
  measuresByPassage: Map<string, Measure[]>;
  /** Ancestors of a section, outermost first, the section itself last. */
  sectionPath(sectionId: string | null): Section[];
  /** 1-based number of the passage within its innermost section (or before any section). */
  paragraphNumber(passageId: string): number;
  citation(passageId: string): string;
}

export function buildDocIndex(bundle: DocumentBundle): DocIndex {
  const passages = [...bundle.passages].sort((a, b) => a.ordinal - b.ordinal);
  const sections = [...bundle.sections].sort((a, b) => a.ordinal - b.ordinal);
  const passageById = new Map(passages.map((p) => [p.id, p]));
  const position = new Map(passages.map((p, i) => [p.id, i]));
  const sectionById = new Map(sections.map((s) => [s.id, s]));

  const sectionPath = (sectionId: string | null): Section[] => {
    const path: Section[] = [];
    const seen = new Set<string>();
    for (let s = sectionId ? sectionById.get(sectionId) : undefined; s && !seen.has(s.id);) {
      seen.add(s.id);
      path.unshift(s);
      s = s.parentId ? sectionById.get(s.parentId) : undefined;
    }
    return path;
  };

  const paragraphs = new Map<string, number>();
  const counters = new Map<string | null, number>();
  for (const p of passages) {
    const n = (counters.get(p.sectionId) ?? 0) + 1;
    counters.set(p.sectionId, n);
    paragraphs.set(p.id, n);
  }

  const blocks: ReadingBlock[] = [];
  const shown = new Set<string>();
  let nextSection = 0;
  const showHeading = (s: Section) => {
    // Sections without passages of their own still get their heading, in document order.
    while (nextSection < sections.length && (sections[nextSection] as Section).ordinal <= s.ordinal) {
      const pending = sections[nextSection++] as Section;
      if (!shown.has(pending.id)) {
        shown.add(pending.id);
        blocks.push({ type: 'heading', section: pending });
      }
    }
  };
  const firstPassage = new Map<string, string>();
  for (const p of passages) {
    const path = sectionPath(p.sectionId);
    for (const s of path) {
      showHeading(s);
      if (!firstPassage.has(s.id)) firstPassage.set(s.id, p.id);
    }
    blocks.push({ type: 'passage', passage: p });
  }
  while (nextSection < sections.length) showHeading(sections[nextSection] as Section);

  const nodes = new Map<string, OutlineNode>();
  const outline: OutlineNode[] = [];
  for (const s of sections) {
    const node: OutlineNode = {
      section: s,
      firstPassageId: firstPassage.get(s.id) ?? null,
      leads: [],
      children: [],
    };
    nodes.set(s.id, node);
    const parent = s.parentId ? nodes.get(s.parentId) : undefined;
    (parent ? parent.children : outline).push(node);
  }
  for (const p of passages) if (p.lead && p.sectionId) nodes.get(p.sectionId)?.leads.push(p);

  const sectionStops = sections.flatMap((section) => {
    const id = firstPassage.get(section.id);
    return id ? [{ section, firstPassageId: id }] : [];
  });

  const markersByPassage = groupBy(
    bundle.footnotes.filter((f) => f.source === 'marker'),
    (f) => f.passageId,
  );
  const measuresByPassage = groupBy(bundle.measures, (m) => m.passageId);
  const glossaryById = new Map(bundle.glossary.map((g) => [g.id, g]));

  const paragraphNumber = (id: string) => paragraphs.get(id) ?? 0;
  const citation = (id: string) => {
    const p = passageById.get(id);
    if (!p) return '';
    return formatCitation(bundle.document.title, sectionPath(p.sectionId), paragraphNumber(id));
  };

  return {
    passages,
    passageById,
    position,
    sectionById,
    blocks,
    outline,
    sectionStops,
    markersByPassage,
    glossaryById,
    measuresByPassage,
    sectionPath,
    paragraphNumber,
    citation,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The heading as printed: `一、标题`, `（一）标题`, `1.标题`. */
export function headingLabel(section: Section): string {
  if (section.level === 1) return `${section.label}、`;
  if (section.level === 2) return `（${section.label}）`;
  return `${section.label}.`;
}
