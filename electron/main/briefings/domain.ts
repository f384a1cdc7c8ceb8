import { exportBriefing, previewBriefing } from './export';
import { briefingHistory } from './oplog';
import { listBriefingSummaries } from './repository';
import {
  acceptSourceText,
  addItem,
  createBriefing,
  deleteBriefing,
  editItem,
  getBriefing,
  moveItem,
  removeItem,
  stepBriefing,
  updateBriefing,
} from './service';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import type { Handlers } from '../kernel/api';
import type { Domain } from '../kernel/domain';
import { orphanBriefingExcerpts, reanchorBriefingExcerpts } from './reanchor';
import { safeFileName, writeFileAtomically } from '../print/domain';

type BriefingChannel = Extract<keyof Handlers, `briefings:${string}`>;

/**
 * Briefings: their channels; excerpts follow their source to a revised edition, and keep their
 * quoted text when it is deleted whatever the choice (a briefing is its own document).
 */
export const briefingsDomain: Domain<BriefingChannel> = {
  name: 'briefings',
  handlers: briefingHandlers,
  // Passed on as kernel/context.ts types them: a change of the hook's arguments needs no edit here.
  onReplace: (ctx, ...replace) => reanchorBriefingExcerpts(ctx.db, ...replace),
  onDelete: (ctx, documentId) => orphanBriefingExcerpts(ctx.db, documentId),
};

// What team sync reads of a briefing: its row as stored; and how it writes the hub's copy.
export { deleteBriefingRow, getBriefingRow } from './repository';
export {
  briefingExists,
  briefingOfItem,
  deleteSyncedItem,
  itemIdsOfBriefing,
  putSyncedItem,
  setItemOrdinals,
  upsertSyncedBriefing,
  type SyncedItemRow,
} from './synced-rows';

function briefingHandlers(ctx: CoreContext): Pick<Handlers, BriefingChannel> {
  const { db } = ctx;
  return {
    'briefings:list': () => listBriefingSummaries(db),
    'briefings:get': ({ id }) => getBriefing(db, id),
    'briefings:create': (input) => createBriefing(db, input),
    'briefings:update': (input) => updateBriefing(db, input),
    'briefings:delete': ({ id }) => deleteBriefing(db, id),
    'briefings:add': (input) => addItem(db, input),
    'briefings:edit-item': (input) => editItem(db, input),
    'briefings:move-item': (input) => moveItem(db, input),
    'briefings:remove-item': (input) => removeItem(db, input),
    'briefings:accept-source': (input) => acceptSourceText(db, input),
    'briefings:undo': ({ briefingId }) => stepBriefing(db, briefingId, 'undo'),
    'briefings:redo': ({ briefingId }) => stepBriefing(db, briefingId, 'redo'),
    'briefings:history': ({ briefingId }) => briefingHistory(db, briefingId),
    'briefings:preview': ({ id, options, maxPages }) => previewBriefing(db, id, options, maxPages ?? 3),
    'briefings:export': async ({ id, options, format }) => {
      const choose = ctx.platform.chooseSaveFile;
      if (!choose) throw new AppError('print_unavailable');
      const { title } = getBriefing(db, id);
      // Rendered first: a briefing that cannot be exported fails before the user picks a place.
      const data = await exportBriefing(db, id, options, format);
      const file = await choose({ defaultName: `${safeFileName(title)}.${format}`, format });
      if (!file) return { file: null, bytes: 0 };
      writeFileAtomically(file, data);
      return { file, bytes: data.length };
    },
  };
}
