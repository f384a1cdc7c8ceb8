import type { CoreContext } from '../../core/context';
import { linkHistory, redoLink, undoLink } from '../../links/link-oplog';
import { createLink, deleteLink, updateLink } from '../../links/service';
import { passageXref } from '../../xref/passage-xref';
import { traceTermSliced } from '../../xref/term-service';
import type { Handlers } from '../dispatch';

type XrefHandlers = Pick<Handlers, Extract<keyof Handlers, `xref:${string}`>>;
type LinkHandlers = Pick<Handlers, Extract<keyof Handlers, `links:${string}`>>;

/** Cross-reference channels. The phrase index and the link hooks are installed by createCore. */
export function xrefHandlers(ctx: CoreContext): XrefHandlers {
  return {
    'xref:passage': ({ passageId, limit }) => passageXref(ctx, passageId, limit),
    'xref:term': ({ term, limit }) => traceTermSliced(ctx, term, { limit }),
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
