import type { SearchResponse, SearchResultItem, SearchStatus } from '../../../shared/domain/search';
import type { CoreContext } from '../kernel/context';
import { logBackgroundError } from '../kernel/log';
import { citationsFor, type PassageRow } from '../store/citation';
import { passageTexts as passageTextsOf } from '../store/passage-reader';
import type { SearchHit } from './engine';
import { SearchIndex, type RebuildProgress, type SearchAnswer } from './search-index';
import { makeSnippet } from './snippet';
import type { SearchSource, SourceRecord } from '../kernel/search-source';

const HITS_LIMIT = 20;
const QUERY_LIMIT = 50;

export interface HitsResponse {
  total: number;
  complete: boolean;
  hits: SearchHit[];
}

function hitsOf({ result, complete }: SearchAnswer, options: QueryOptions): HitsResponse {
  return { total: result.total, complete, hits: result.hits(options.offset ?? 0, options.limit ?? HITS_LIMIT) };
}

export interface QueryOptions {
  offset?: number;
  limit?: number;
}

/** One library's search: the index, kept in step with the core's events, and answers shaped for callers. */
export class SearchService {
  readonly index: SearchIndex;
  private rebuilding: RebuildProgress | null = null;

  constructor(private readonly ctx: CoreContext) {
    this.index = new SearchIndex(ctx.db, () => this.sources());
    // Nothing happens until the index is first used; after that, changes are indexed as they land
    // (each imported file, not only the end of its batch).
    const changed = () => {
      if (this.index.status().state !== 'cold') this.index.syncInBackground();
    };
    this.unsubscribe = [
      ctx.events.on('library:changed', changed),
      ctx.events.on('import:progress', (p) => p.phase === 'done' && changed()),
    ];
  }

  private readonly unsubscribe: (() => void)[];

  /** Stops following the library and drops queued work (the library is being closed or swapped). */
  stop(): void {
    this.unsubscribe.forEach((off) => off());
    this.index.runner.cancel('closed');
    this.index.queries.cancel('closed');
  }

  /** Logs a background failure; work dropped because the library was closed is no failure. */
  private failed(task: string): (error: unknown) => void {
    const db = this.ctx.db;
    return (error) => {
      if (db.open) logBackgroundError(task, error);
    };
  }

  sources(): readonly SearchSource[] {
    return this.ctx.searchSources;
  }

  private source(kind: string): SearchSource | undefined {
    return this.sources().find((s) => s.kind === kind);
  }

  /** Hits without display text: what `yandu search --json` prints. */
  hits(query: string, options: QueryOptions = {}): HitsResponse {
    return hitsOf(this.index.search(query), options);
  }

  /** `hits` in slices: the event loop keeps running while a long query is answered. */
  async hitsSliced(query: string, options: QueryOptions = {}): Promise<HitsResponse> {
    const { offset = 0, limit = HITS_LIMIT } = options;
    return hitsOf(await this.index.searchSliced(query, offset + limit), options);
  }

  /** Hits with citation, label and snippet: what the search overlay shows. */
  query(query: string, options: QueryOptions = {}): SearchResponse {
    const started = performance.now();
    return this.respond(query, this.index.search(query), options, started);
  }

  /** `query` in slices (IPC): a long query never holds up other requests or window events. */
  async querySliced(query: string, options: QueryOptions = {}): Promise<SearchResponse> {
    const started = performance.now();
    const { offset = 0, limit = QUERY_LIMIT } = options;
    return this.respond(query, await this.index.searchSliced(query, offset + limit), options, started);
  }

  private respond(
    query: string,
    { result, complete, documents: docs }: SearchAnswer,
    options: QueryOptions,
    started: number,
  ): SearchResponse {
    const [offset, limit] = [options.offset ?? 0, options.limit ?? QUERY_LIMIT];
    const page = result.hits(offset, limit);
    // A passage hit's place is known from the index and the answer's documents: its citation
    // reads only its sections (a row lookup per hit was half of building a page).
    const places = new Map<string, PassageRow>();
    result.places(offset, limit).forEach((place, i) => {
      const title = docs.get(page[i]!.docId)?.title;
      if (place && title !== undefined)
        places.set(page[i]!.passageId!, { title, sectionId: place.sectionId, paragraph: place.paragraph });
    });
    const citations = citationsFor(
      this.ctx.db,
      page.flatMap((h) => (h.passageId ? [h.passageId] : [])),
      places,
    );
    // A page is mostly passages: their texts in one statement rather than one per hit.
    const passageTexts = passageTextsOf(
      this.ctx.db,
      page.flatMap((h) => (h.kind === 'passage' && h.field === 'text' ? [h.recordId] : [])),
    );
    const records = this.recordsOf(page.filter((h) => !passageTexts.has(h.recordId)));
    const hits = page.map((hit): SearchResultItem => {
      const doc = docs.get(hit.docId);
      const read = records.get(hit.kind);
      let text =
        passageTexts.get(hit.recordId) ??
        this.textOf(hit, hit.field, read) ??
        this.index.liveText(hit.recordId, hit.field) ??
        '';
      // A term alone says little: show its definition after it (the term's ranges stay valid).
      if (hit.kind === 'glossary' && hit.field === 'term')
        text = `${text}：${this.textOf(hit, 'definition', read) ?? ''}`;
      // Fields named, not `...hit`: a spread followed by more fields took V8's slow path, about
      // 4 µs an item (0.2 ms of a page of 50).
      return {
        kind: hit.kind,
        docId: hit.docId,
        passageId: hit.passageId,
        recordId: hit.recordId,
        field: hit.field,
        score: hit.score,
        ranges: hit.ranges,
        docTitle: doc?.title ?? '',
        year: doc?.year ?? null,
        citation: (hit.passageId && citations.get(hit.passageId)) || `《${doc?.title ?? ''}》`,
        label: read
          ? (read.get(hit.recordId)?.label ?? null)
          : (this.source(hit.kind)?.labelOf?.(this.ctx.db, hit.recordId) ?? null),
        snippet: makeSnippet(text, hit.ranges),
      };
    });
    return {
      query,
      total: result.total,
      complete,
      byKind: result.byKind,
      byDoc: result.byDoc
        .map(({ docId, count }) => ({
          docId,
          title: docs.get(docId)?.title ?? '',
          year: docs.get(docId)?.year ?? null,
          count,
        }))
        .sort((a, b) => b.count - a.count),
      hits,
      unknown: result.query.unknown,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  /** A field's stored text of a hit's record: from the page's records when its source read them. */
  private textOf(hit: SearchHit, field: string, read: Map<string, SourceRecord> | undefined): string | null {
    if (read) return read.get(hit.recordId)?.texts[field] ?? null;
    return this.source(hit.kind)?.textOf?.(this.ctx.db, hit.recordId, field) ?? null;
  }

  /** The records of hits whose source reads a page at once (`recordsOf`), by kind. */
  private recordsOf(hits: readonly SearchHit[]): Map<string, Map<string, SourceRecord>> {
    const ids = new Map<string, string[]>();
    for (const h of hits) {
      if (!this.source(h.kind)?.recordsOf) continue;
      const list = ids.get(h.kind);
      if (list) list.push(h.recordId);
      else ids.set(h.kind, [h.recordId]);
    }
    return new Map([...ids].map(([kind, list]) => [kind, this.source(kind)!.recordsOf!(this.ctx.db, list)]));
  }

  status(): SearchStatus {
    void this.index.load().catch(this.failed('search index load'));
    return { ...this.index.status(), rebuild: this.rebuilding };
  }

  rebuild(): SearchStatus {
    this.rebuilding = { done: 0, total: 0 };
    void this.index
      .rebuild((p) => (this.rebuilding = p))
      .catch(this.failed('search index rebuild'))
      .finally(() => (this.rebuilding = null));
    return this.status();
  }
}

/**
 * The search service of the open library, shared by the handlers, the CLI and other domains: a
 * per-library instance of the core, made on first use and stopped when the library closes or a
 * restore swaps it, so the next use indexes the new file.
 */
export function searchServiceFor(ctx: CoreContext): SearchService {
  return ctx.instances.get('search', () => new SearchService(ctx));
}
