import type { CoreContext } from '../../kernel/context';
import { linkHistory, redoLink, undoLink } from '../../links/link-oplog';
import { createLink, deleteLink, updateLink } from '../../links/service';
import { passageXref } from '../../xref/passage-xref';
import { searchServiceFor } from '../../search/search-service';
import { traceTermSliced } from '../../xref/term-service';
import type { Handlers } from '../../kernel/api';

type XrefHandlers = Pick<Handlers, Extract<keyof Handlers, `xref:${string}`>>;
type LinkHandlers = Pick<Handlers, Extract<keyof Handlers, `links:${string}`>>;

/** Cross-reference channels. Related passages read the search index; link hooks are installed by createCore. */
export function xrefHandlers(ctx: CoreContext): XrefHandlers {
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

export function linkHandlers(ctx: CoreContext): LinkHandlers {
  const { db } = ctx;
  return {
    'links:create': (input) => createLink(db, input),
    'links:update': (input) => updateLink(db, input),
    'links:delete': ({ id }) => deleteLink(db, id),
    'links:undo': () => undoLink(db),
    'links:redo': () => redoLink(db),
    'links:history': () => linkHistory(db),
  };
}
