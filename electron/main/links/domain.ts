import type { Handlers } from '../kernel/api';
import type { CoreContext } from '../kernel/context';
import type { Domain } from '../kernel/domain';
import { linkHistory, redoLink, undoLink } from './link-oplog';
import { createLink, deleteLink, orphanLinksOfDocument, reanchorLinks, updateLink } from './service';

type LinkChannel = Extract<keyof Handlers, `links:${string}`>;

/**
 * Passage links: their channels; they follow their passages to a revised edition, and are
 * orphaned (never deleted) with a deleted document whatever the choice for annotations, since
 * the other end is another document's.
 */
export const linksDomain: Domain<LinkChannel> = {
  name: 'links',
  handlers: linkHandlers,
  // Passed on as kernel/context.ts types them: a change of the hook's arguments needs no edit here.
  onReplace: (ctx, ...replace) => reanchorLinks(ctx.db, ...replace),
  onDelete: (ctx, documentId) => orphanLinksOfDocument(ctx.db, documentId),
};

// What other domains use of links: the rows (the 关联 tab lists them, team sync reads and writes
// them) and their form in the shared W3C file, which the annotations' export and import carry.
export { getLink, linksOf, listLinks, putLink, removeLink } from './link-store';
export { importLinks, isLinkItem, linkToW3C } from './share';

function linkHandlers(ctx: CoreContext): Pick<Handlers, LinkChannel> {
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
