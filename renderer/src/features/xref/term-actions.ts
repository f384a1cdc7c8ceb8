/**
 * What other features can do with one occurrence in the term view, e.g. the briefing feature
 * adding it as an excerpt:
 *
 *   registerOccurrenceAction({ id: 'add-to-briefing', label: () => '加入简报',
 *     run: ({ docId, passageId, range }) => briefings.addExcerpt(passageId, range) });
 *
 * Each registered action shows as a button on every occurrence row. `range` indexes the
 * passage's text (UTF-16, as everywhere in Yandu); rows also carry `data-passage-id` and
 * `data-range="start,end"` for tests and keyboard navigation.
 */
import type { TermOccurrence } from '../../../../shared/domain/xref';
import type { TextRange } from '../../app/navigation';
import { createStore, useStore } from '../../lib/store';

export interface OccurrenceRef {
  docId: string;
  passageId: string;
  /** The first occurrence of the term in the passage. */
  range: TextRange;
  citation: string;
}

export interface OccurrenceAction {
  id: string;
  label: () => string;
  run(occurrence: OccurrenceRef): void;
}

/** The passage and range of an occurrence, as a briefing excerpt needs them. */
export function occurrenceRef(o: TermOccurrence): OccurrenceRef {
  const [start, end] = o.ranges[0] ?? [0, 0];
  return { docId: o.docId, passageId: o.passageId, range: { start, end }, citation: o.citation };
}

const actions = createStore<readonly OccurrenceAction[]>([]);

export function registerOccurrenceAction(action: OccurrenceAction): void {
  actions.set((prev) => [...prev.filter((a) => a.id !== action.id), action]);
}

export const useOccurrenceActions = () => useStore(actions);
