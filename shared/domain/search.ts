/** Search records shared by main, CLI and renderer (no schema code: the renderer imports these). */

/** What a search hit can be; `kind:` filters name these. */
export type SearchKind = 'passage' | 'glossary' | 'measure' | 'annotation';
export const SEARCH_KINDS: readonly SearchKind[] = ['passage', 'glossary', 'measure', 'annotation'];

export type Range = [start: number, end: number];

/** One hit: a record's text that contains the query. `yandu search --json` prints these fields. */
export interface SearchHit {
  kind: SearchKind;
  docId: string;
  /** Where the reader opens (a glossary entry nobody refers to has none). */
  passageId: string | null;
  /** The record hit: passage, glossary entry, measure or annotation id. */
  recordId: string;
  /** Which text of the record `ranges` index: `text` (passage), `term`, `definition`, `title`, `note`, … */
  field: string;
  score: number;
  ranges: Range[];
}

/** A hit as the search overlay shows it. */
export interface SearchResultItem extends SearchHit {
  docTitle: string;
  year: number | null;
  /** `《…》三（二）第2段` for hits in a passage, else the document title in 《》. */
  citation: string;
  /** The glossary term or measure title a hit belongs to, for a label beside the snippet. */
  label: string | null;
  snippet: Snippet;
}

/** A window of the hit text around the first hits; `ranges` index `text`. */
export interface Snippet {
  text: string;
  ranges: Range[];
  /** Text was cut before / after the window. */
  before: boolean;
  after: boolean;
}

export interface SearchResponse {
  query: string;
  total: number;
  /** False while new documents are still being indexed: more hits may come. */
  complete: boolean;
  byKind: Record<SearchKind, number>;
  byDoc: { docId: string; title: string; year: number | null; count: number }[];
  hits: SearchResultItem[];
  /** Filter values that named nothing (`kind:foo`); they were ignored. */
  unknown: string[];
  tookMs: number;
}

export interface SearchStatus {
  state: 'cold' | 'loading' | 'indexing' | 'ready';
  documents: number;
  indexed: number;
  pending: number;
  segments: number;
  units: number;
  task: string | null;
  /** Progress of a full rebuild, while one runs. */
  rebuild: { done: number; total: number } | null;
  /** Segments being written again in the background, of an older format or packed in a library grown past packing (they answer meanwhile). */
  upgrade?: { done: number; total: number } | null;
}
