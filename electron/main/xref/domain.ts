import type { Handlers } from '../kernel/api';
import type { CoreContext } from '../kernel/context';
import type { Domain } from '../kernel/domain';
import { searchServiceFor } from '../search/domain';
import { startObsoletePhraseCleanup } from './obsolete-phrase-index';
import { passageXref } from './passage-xref';
import { traceTermSliced } from './term-service';

type XrefChannel = Extract<keyof Handlers, `xref:${string}`>;

/**
 * Cross-references: what a passage shares with others (read from the search index when asked)
 * and where a term occurs. At each open, the tables of the old key-phrase index are emptied in
 * the background.
 */
export const xrefDomain: Domain<XrefChannel> = {
  name: 'xref',
  handlers: xrefHandlers,
  start: (ctx) => void startObsoletePhraseCleanup(ctx),
};

function xrefHandlers(ctx: CoreContext): Pick<Handlers, XrefChannel> {
  return {
    'xref:passage': ({ passageId, limit, complete }) => {
      // The CLI answers for the whole library: whatever import left unindexed is indexed first.
      if (complete) searchServiceFor(ctx).index.indexPendingNow();
      return passageXref(ctx, passageId, limit);
    },
    // In slices on the query runner, so IPC keeps being served while a common word is traced.
    'xref:term': ({ term, limit, complete }) =>
      traceTermSliced(ctx, term, { limit, indexAll: complete ?? false }),
  };
}
