import { z } from 'zod';
import { channel, idSchema } from '../define';
import type { Briefing, BriefingAction, BriefingHistoryState, BriefingSummary } from '../../domain/briefings';
import type { PrintPreview, PrintSaveResult } from '../../domain/print';
import { printChannels } from './print';

const id = idSchema;
const offset = z.number().int().min(0).max(10_000_000);
/** Positions in an outline (capped at 500 items in main). */
const position = z.number().int().min(0).max(10_000);
const title = z.string().trim().min(1).max(200);
const audience = z.string().max(300);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const itemText = z.string().trim().min(1).max(20_000);

const addition = z.union([
  z.object({ kind: z.literal('heading'), text: itemText, level: level.optional() }).strict(),
  z.object({ kind: z.literal('note'), text: itemText }).strict(),
  z
    .object({ kind: z.literal('excerpt'), passageId: id, start: offset.optional(), end: offset.optional() })
    .strict(),
  z.object({ kind: z.literal('excerpt'), annotationId: id }).strict(),
]);
const itemRef = { briefingId: id, itemId: id };
/** Layout, note placement and highlight style: the same choices as printing a document. */
const printOptions = printChannels['print:save'].request.shape.options;

export const briefingChannels = {
  /** Every briefing, most recently changed first. */
  'briefings:list': channel(() => z.object({}).strict())<BriefingSummary[]>(),
  'briefings:get': channel(() => z.object({ id }).strict())<Briefing>(),
  'briefings:create': channel(() =>
    z.object({ title, audience: audience.optional(), date: isoDate.optional() }).strict(),
  )<Briefing>(),
  'briefings:update': channel(() =>
    z
      .object({ id, title: title.optional(), audience: audience.optional(), date: isoDate.optional() })
      .strict(),
  )<Briefing>(),
  'briefings:delete': channel(() => z.object({ id }).strict())<{ id: string }>(),
  /** Adds a heading, a note or an excerpt (of a passage range or of an annotation) at `index` or the end. */
  'briefings:add': channel(() =>
    z.object({ briefingId: id, addition, index: position.optional() }).strict(),
  )<Briefing>(),
  'briefings:edit-item': channel(() =>
    z.object({ ...itemRef, text: itemText.optional(), level: level.optional() }).strict(),
  )<Briefing>(),
  'briefings:move-item': channel(() => z.object({ ...itemRef, to: position }).strict())<Briefing>(),
  'briefings:remove-item': channel(() => z.object(itemRef).strict())<Briefing>(),
  /** A drifted excerpt takes what its source now reads (the user's choice; undoable). */
  'briefings:accept-source': channel(() => z.object(itemRef).strict())<Briefing>(),
  /** Undo/redo the briefing's last action; null when there is nothing to do. */
  'briefings:undo': channel(() => z.object({ briefingId: id }).strict())<{
    action: BriefingAction;
    briefing: Briefing;
  } | null>(),
  'briefings:redo': channel(() => z.object({ briefingId: id }).strict())<{
    action: BriefingAction;
    briefing: Briefing;
  } | null>(),
  'briefings:history': channel(() => z.object({ briefingId: id }).strict())<BriefingHistoryState>(),
  /** The first pages of the briefing as printed, with the font substitutions. */
  'briefings:preview': channel(() =>
    z.object({ id, options: printOptions, maxPages: z.number().int().min(1).max(12).optional() }).strict(),
  )<PrintPreview>(),
  /** Main renders the export, asks where to save (native dialog) and writes it; the renderer never names a path. */
  'briefings:export': channel(() =>
    z.object({ id, options: printOptions, format: z.enum(['pdf', 'docx', 'md', 'html']) }).strict(),
  )<PrintSaveResult>(),
};
