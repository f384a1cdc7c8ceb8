import { briefingHistory } from '../../briefings/oplog';
import { listBriefingSummaries } from '../../briefings/repository';
import {
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
import type { CoreContext } from '../../core/context';
import type { Handlers } from '../dispatch';

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
    'briefings:undo': ({ briefingId }) => stepBriefing(db, briefingId, 'undo'),
    'briefings:redo': ({ briefingId }) => stepBriefing(db, briefingId, 'redo'),
    'briefings:history': ({ briefingId }) => briefingHistory(db, briefingId),
  };
}
