import type { CoreContext } from '../../kernel/context';
import { searchServiceFor } from '../../search/search-service';
import type { Handlers } from '../../kernel/api';

type SearchHandlers = Pick<Handlers, 'search:query' | 'search:hits' | 'search:status' | 'search:rebuild'>;

export function searchHandlers(ctx: CoreContext): SearchHandlers {
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
