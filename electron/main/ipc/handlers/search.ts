import type { CoreContext } from '../../kernel/context';
import { searchServiceFor } from '../../search/search-service';
import type { Handlers } from '../../kernel/api';

type SearchHandlers = Pick<Handlers, 'search:query' | 'search:status' | 'search:rebuild'>;

export function searchHandlers(ctx: CoreContext): SearchHandlers {
  const service = searchServiceFor(ctx);
  return {
    'search:query': ({ query, offset, limit }) => service.querySliced(query, { offset, limit }),
    'search:status': () => service.status(),
    'search:rebuild': () => service.rebuild(),
  };
}
