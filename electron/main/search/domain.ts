import type { Handlers } from '../kernel/api';
import type { CoreContext } from '../kernel/context';
import type { Domain } from '../kernel/domain';
import { librarySources } from './library-sources';
import { searchServiceFor } from './search-service';

type SearchChannel = 'search:query' | 'search:hits' | 'search:status' | 'search:rebuild';

/**
 * Library search: its channels and its own kinds of record (passages, glossary entries, measures).
 * The service is a per-library instance (ctx.instances), so a restore stops it and the next
 * query indexes the new file; other domains reach it through `searchServiceFor`.
 */
export const searchDomain: Domain<SearchChannel> = {
  name: 'search',
  handlers: searchHandlers,
  searchSources: librarySources,
};

export { searchServiceFor, type SearchService } from './search-service';
// The text primitives and index segments that related passages and term tracing (xref) and
// comparison reuse: one folding and one matcher, so they find what search finds.
export { foldText, isWordCodePoint } from './fold';
export { occurrencesIn } from './matcher';
export { makeSnippet } from './snippet';
export { runToEnd } from './segment-build';
export type { LiveSegment } from './engine';
export { requiredGrams } from './grams';
export { intersectAll } from './postings';
export { kindCode, postingsOf, unitText } from './segment';

function searchHandlers(ctx: CoreContext): Pick<Handlers, SearchChannel> {
  const service = searchServiceFor(ctx);
  const completeFirst = (complete: boolean | undefined) => {
    if (!complete) return;
    service.index.indexPendingNow();
    service.index.compactNow();
  };
  return {
    'search:query': ({ query, offset, limit, complete }) => {
      completeFirst(complete);
      return service.querySliced(query, { offset, limit });
    },
    'search:hits': async ({ query, limit, complete }) => {
      completeFirst(complete);
      const { total, hits } = await service.hitsSliced(query, { limit });
      return { total, hits };
    },
    'search:status': () => service.status(),
    'search:rebuild': () => service.rebuild(),
  };
}
