import { z } from 'zod';
import type { PassageLink, PassageXref, TermView } from '../../domain/xref';
import { channel, idSchema } from '../define';

const id = idSchema;
/** Most occurrences one term view lists; its `total` counts them all. */
export const MAX_TERM_OCCURRENCES = 5000;
const note = z.string().max(20_000);
/** Bring the indexes up to date first: the answer covers the whole library, as a script expects. */
const complete = z.boolean().optional();

export const xrefChannels = {
  /** The 关联 tab: terms, measures, related passages of other documents, links and backlinks. */
  'xref:passage': channel(() =>
    z.object({ passageId: id, limit: z.number().int().min(1).max(50).optional(), complete }).strict(),
  )<PassageXref>(),
  /** The term view: every passage of the library containing the text, by year, and its definitions. */
  'xref:term': channel(() =>
    z
      .object({
        term: z.string().trim().min(1).max(100),
        limit: z.number().int().min(1).max(MAX_TERM_OCCURRENCES).optional(),
        complete,
      })
      .strict(),
  )<TermView>(),
};

export interface LinkHistoryState {
  undo: string | null;
  redo: string | null;
}

export const linkChannels = {
  'links:create': channel(() =>
    z.object({ from: id, to: id, note: note.optional() }).strict(),
  )<PassageLink>(),
  'links:update': channel(() => z.object({ id, note }).strict())<PassageLink>(),
  'links:delete': channel(() => z.object({ id }).strict())<{ id: string }>(),
  /** Undo/redo the last link action (the library's one link history); null when there is nothing to do. */
  'links:undo': channel(() => z.object({}).strict())<{ action: string; linkIds: string[] } | null>(),
  'links:redo': channel(() => z.object({}).strict())<{ action: string; linkIds: string[] } | null>(),
  'links:history': channel(() => z.object({}).strict())<LinkHistoryState>(),
};
