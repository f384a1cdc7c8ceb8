import type { Handlers } from '../kernel/api';
import type { CoreContext } from '../kernel/context';
import type { Domain } from '../kernel/domain';
import { compareServiceFor } from './compare-service';

type CompareChannel = 'compare:documents' | 'compare:default-pair';

/** Comparing two reports; the service (its task runner) is a per-library instance of the core. */
export const compareDomain: Domain<CompareChannel> = {
  name: 'compare',
  handlers: compareHandlers,
};

function compareHandlers(ctx: CoreContext): Pick<Handlers, CompareChannel> {
  const service = compareServiceFor(ctx);
  return {
    'compare:documents': ({ a, b }) => service.compare(a, b),
    'compare:default-pair': ({ docId }) => service.defaultPair(docId),
  };
}
