import type { SearchKind } from '../../../shared/domain/search';
import type { CoreContext } from '../kernel/context';
import type { Db } from '../store/database';

export { SEARCH_KINDS, type SearchKind } from '../../../shared/domain/search';

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
}

const registries = new WeakMap<CoreContext, Map<SearchKind, SearchSource>>();

/**
 * Adds a source for one core, e.g. from a domain's handler factory:
 * `registerSearchSource(ctx, annotationSearchSource)`. One source per kind.
 */
export function registerSearchSource(ctx: CoreContext, source: SearchSource): void {
  let sources = registries.get(ctx);
  if (!sources) registries.set(ctx, (sources = new Map()));
  if (sources.has(source.kind)) throw new Error(`search source registered twice: ${source.kind}`);
  sources.set(source.kind, source);
}

export function searchSources(ctx: CoreContext): SearchSource[] {
  return [...(registries.get(ctx)?.values() ?? [])];
}
