/**
 * Adding to a briefing from anywhere in the app, one call:
 *
 *   import { addToBriefing } from '../briefings/add-to-briefing';
 *   addToBriefing({ passageId, start, end }); // a range of a passage: reader selection, search hit,
 *                                             // a term's occurrence, a comparison row
 *   addToBriefing({ passageId });             // a whole passage: a ledger row, a measure
 *   addToBriefing({ annotationId });          // an annotation's range, its highlights and notes with it
 *   addToBriefing([a, b]);                    // several at once (a selection across paragraphs)
 *
 * It opens a compact picker (which briefing, or a new one), adds the excerpts there in order, and
 * says where they went, with a button to open that briefing. Ranges index `Passage.text`.
 */
import type { BriefingAddition } from '../../../../shared/domain/briefings';
import { apiClient } from '../../lib/api-client';
import { createStore } from '../../lib/store';

export type BriefingSource = { passageId: string; start?: number; end?: number } | { annotationId: string };

export interface PickerRequest {
  sources: BriefingSource[];
  nonce: number;
}

export const pickerRequest = createStore<PickerRequest | null>(null);
/** The briefing added to last: offered first next time. */
export const lastBriefing = createStore<string>('', 'yandu.briefings.last');
let nonce = 0;

export function addToBriefing(source: BriefingSource | readonly BriefingSource[]): void {
  const sources = Array.isArray(source) ? [...source] : [source as BriefingSource];
  if (sources.length) pickerRequest.set({ sources, nonce: ++nonce });
}

const toAddition = (s: BriefingSource): BriefingAddition =>
  'annotationId' in s ? { kind: 'excerpt', annotationId: s.annotationId } : { kind: 'excerpt', ...s };

/** Adds the excerpts in order (each its own step, so each can be undone in the editor). */
export async function addSources(briefingId: string, sources: readonly BriefingSource[]): Promise<void> {
  for (const source of sources)
    await apiClient.call('briefings:add', { briefingId, addition: toAddition(source) });
  lastBriefing.set(briefingId);
}
