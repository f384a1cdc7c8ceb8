/** Cross-reference records shared by main, CLI and renderer (no schema code: the renderer imports these). */
import type { Range, Snippet } from './search';

/** A passage of another document that shares key phrases with the one asked about. */
export interface RelatedPassage {
  docId: string;
  passageId: string;
  score: number;
  /** The shared key phrases that weigh most, most distinctive first. */
  shared: string[];
}

/** A link a user made between two passages, with a note; an end whose passage is gone is null. */
export interface PassageLink {
  id: string;
  from: string | null;
  to: string | null;
  note: string;
  fromDocumentId: string;
  toDocumentId: string;
  /** The passage text the link was made on (start of it): what an orphaned end still shows. */
  fromText: string;
  toText: string;
  author: string;
  created: string;
  updated: string;
  status: 'anchored' | 'orphaned';
}

/** Where a passage (or link end) sits, for display. */
export interface PassageRef {
  passageId: string;
  docId: string;
  docTitle: string;
  year: number | null;
  citation: string;
  /** The passage's opening words. */
  excerpt: string;
}

export interface PassageXref {
  passageId: string;
  docId: string;
  /** Glossary terms the passage refers to (by footnote marker or by mention). */
  terms: { glossaryId: string; term: string; source: 'marker' | 'mention' }[];
  measures: { id: string; kind: 'task' | 'indicator'; title: string }[];
  related: (RelatedPassage & Omit<PassageRef, 'passageId' | 'docId'>)[];
  links: PassageLink[];
  backlinks: PassageLink[];
  /** Citation and excerpt of every passage named above (link ends included). */
  refs: Record<string, PassageRef>;
  /** False while a large import is still being indexed: related passages may miss it. */
  complete: boolean;
}

/**
 * One passage where a term occurs. `passageId` and `ranges` (UTF-16 offsets into the passage text)
 * are all another feature needs to quote the occurrence (e.g. add it to a briefing).
 */
export interface TermOccurrence {
  docId: string;
  passageId: string;
  ranges: Range[];
  year: number | null;
  citation: string;
  snippet: Snippet;
}

/** A section heading containing the term (（一）加快发展新质生产力): `ranges` index `title`. */
export interface TermHeading {
  docId: string;
  sectionId: string;
  /** The section's first passage, where the reader opens; null for an empty section. */
  passageId: string | null;
  label: string;
  title: string;
  ranges: Range[];
  year: number | null;
}

export interface TermDefinition {
  docId: string;
  glossaryId: string;
  term: string;
  definition: string;
  year: number | null;
  issuer: string | null;
  docTitle: string;
}

export interface TermDocument {
  docId: string;
  title: string;
  issuer: string | null;
  year: number | null;
  /** Passages of the document containing the term. */
  count: number;
}

export interface TermView {
  term: string;
  /** The earliest year of a document that uses the term (新提法: when it first appears). */
  firstYear: number | null;
  definitions: TermDefinition[];
  /** Grouped by year, then document, then reading order. */
  occurrences: TermOccurrence[];
  /** Section headings containing the term (not passages: counted apart, but in `years` and `firstYear`). */
  headings: TermHeading[];
  /** Passages and headings containing the term, per document year (year null: undated documents). */
  years: { year: number | null; count: number }[];
  documents: TermDocument[];
  /** Passages containing the term, all of them, even when `occurrences` was cut at the limit. */
  total: number;
  truncated: boolean;
  complete: boolean;
}
