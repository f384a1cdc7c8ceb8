import type { SearchKind } from '../../../shared/domain/search';
import type { Db } from './db';

export { SEARCH_KINDS, type SearchKind } from '../../../shared/domain/search';

/*
 * What search finds, declared by the domains that own the records (search declares passages,
 * glossary entries and measures; annotations its own): the types sit in the kernel so that a
 * domain declares a source without importing the search domain.
 */

/**
 * One searchable text of one record. A record with two texts (a glossary entry's term and its
 * definition) gives two units; hit ranges index `text`, which is `record[field]` as exported.
 */
export interface SearchUnit {
  kind: SearchKind;
  /** The record: passage, glossary entry, measure or annotation id. */
  recordId: string;
  /** Which text of the record this is: `text`, `term`, `definition`, `title`, `note`, `exact`. */
  field: string;
  docId: string;
  /** Where the reader opens for this hit (a glossary entry has none). */
  passageId: string | null;
  /** Section of that passage, for `section:` and the section-title boost. */
  sectionId: string | null;
  text: string;
  /** A span of `text` that weighs more than the rest (a passage's lead phrase). */
  emphasis?: readonly [number, number] | null;
  /** How much this field weighs against body text (1); a glossary term weighs more. */
  boost?: number;
}

/**
 * A kind of record that search can find. `indexed` sources change only when a document's content
 * changes (import, replace, delete): their units go into persisted index segments. `live` sources
 * change on their own (annotations): their units are read at query time and scanned, so an edit is
 * searchable at once; keep them small (thousands, not millions).
 */
export interface SearchSource {
  kind: SearchKind;
  mode: 'indexed' | 'live';
  /** Units of these documents (all documents when null), in a stable order. */
  unitsFor(db: Db, docIds: readonly string[] | null): SearchUnit[];
  /**
   * The stored (unfolded) text of one unit, for snippets; null when the record is gone. Live
   * sources may leave it out: their units, just read, carry the text.
   */
  textOf?(db: Db, recordId: string, field: string): string | null;
  /** A short name shown beside a hit (a glossary term, a measure title), if the kind has one. */
  labelOf?(db: Db, recordId: string): string | null;
  /**
   * `textOf` and `labelOf` of several records in one read (a page of hits): per record found, its
   * texts by field and its label. Two lookups per hit were a tenth of building a page.
   */
  recordsOf?(db: Db, recordIds: readonly string[]): Map<string, SourceRecord>;
}

/** What `recordsOf` gives for one record: as `textOf` gives per field (absent: null) and `labelOf`. */
export interface SourceRecord {
  texts: Readonly<Record<string, string | null>>;
  label: string | null;
}
