/** Two reports side by side (对照阅读): plain records shared by main, CLI and renderer. */

/** A character range `[start, end)` in a passage's stored text. */
export type TextRange = [number, number];

/**
 * One sentence-level difference inside an aligned passage pair. `changed` = the sentence is in both
 * passages but reworded; `added` only in B; `removed` only in A. Ranges index `Passage.text`.
 */
export interface SentenceChange {
  kind: 'changed' | 'added' | 'removed';
  a: TextRange | null;
  b: TextRange | null;
  /** The differing middle of a changed sentence (common beginning and end trimmed), per side. */
  aDiff: TextRange | null;
  bDiff: TextRange | null;
}

/** Two aligned passages (one side null = the passage was added or removed). */
export interface PassagePair {
  a: string | null;
  b: string | null;
  /** 0…1; 1 = same text. */
  similarity: number;
  changes: SentenceChange[];
}

/** Two aligned sections; `a` or `b` null = the section exists only in the other report. */
export interface SectionPair {
  a: string | null;
  b: string | null;
  similarity: number;
  /** Paired out of order: the section moved (listed at its place in B). */
  moved: boolean;
  /** 0 = a top-level part; rows come in reading order, a part followed by its sections. */
  depth: number;
  aTitle: string | null;
  bTitle: string | null;
  aLabel: string | null;
  bLabel: string | null;
  /** The section's own passages (not its subsections'), aligned. */
  passages: PassagePair[];
}

/** A quoted term (“…”) or glossary term that one report has and the other lacks anywhere. */
export interface PhraseRow {
  phrase: string;
  source: 'quote' | 'glossary';
  /** Where the phrase stands (the first place), so a click opens it; null for a glossary entry no passage uses. */
  passageId: string | null;
  range: TextRange | null;
  glossaryId: string | null;
}

export interface ComparedDocument {
  id: string;
  title: string;
  issuer: string | null;
  year: number | null;
}

export interface DocumentComparison {
  a: ComparedDocument;
  b: ComparedDocument;
  /** Which side new/dropped phrases are counted from: the later report (B when the years tie). */
  newer: 'a' | 'b';
  /** Passages before the first section (the opening address), aligned like a section's. */
  preamble: PassagePair[];
  sections: SectionPair[];
  /** In the newer report, absent from the older one. */
  newPhrases: PhraseRow[];
  /** In the older report, absent from the newer one. */
  droppedPhrases: PhraseRow[];
  /** True when a size cap made part of the alignment coarser (banded) than a full comparison. */
  capped: boolean;
}

/** The pair the compare screen opens with: a report and the same issuer's previous one. */
export interface ComparePair {
  a: string;
  b: string;
  /** How B's predecessor was found. */
  basis: 'issuer' | 'title';
}
