import { exportBriefing, previewBriefing } from '../../briefings/export';
import { briefingHistory } from '../../briefings/oplog';
import { listBriefingSummaries } from '../../briefings/repository';
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
} from '../../briefings/service';
import { AppError } from '../../kernel/app-error';
import type { CoreContext } from '../../kernel/context';
import { writeFileAtomically } from '../../print/write-file';
import type { Handlers } from '../../kernel/api';
import { safeFileName } from './print';

type BriefingHandlers = Pick<Handlers, Extract<keyof Handlers, `briefings:${string}`>>;

/** Briefing channels. Re-anchoring on replace and orphaning on delete are installed by createCore. */
export function briefingHandlers(ctx: CoreContext): BriefingHandlers {
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
