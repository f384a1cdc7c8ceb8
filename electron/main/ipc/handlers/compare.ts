import { compareServiceFor } from '../../compare/compare-service';
import type { CoreContext } from '../../kernel/context';
import type { Handlers } from '../../kernel/api';

type CompareHandlers = Pick<Handlers, 'compare:documents' | 'compare:default-pair'>;

export function compareHandlers(ctx: CoreContext): CompareHandlers {
  const service = compareServiceFor(ctx);
  return {
    'compare:documents': ({ a, b }) => service.compare(a, b),
    'compare:default-pair': ({ docId }) => service.defaultPair(docId),
  };
}
