import { memo, useEffect } from 'react';
import type { DocumentBundle } from '../../../../shared/domain/library';
import type { TextRange } from '../../app/navigation';
import type { DocIndex } from './model/doc-index';
import type { Decoration, DecorationMap, DecorationSource } from './extensions';
import { leadRange } from './model/segments';

/** The reader's own decorations: lead phrases in bold. */
export function leadDecorations(index: DocIndex): Map<string, Decoration[]> {
  const map = new Map<string, Decoration[]>();
  for (const p of index.passages) {
    const range = leadRange(p.text, p.lead);
    if (range) map.set(p.id, [{ ...range, kind: 'lead' }]);
  }
  return map;
}

/** Merges every source into one list per passage; `focus` is the range a jump asked to show. */
export function mergeDecorations(
  maps: readonly DecorationMap[],
  focus: { passageId: string; range: TextRange } | null,
): Map<string, Decoration[]> {
  const merged = new Map<string, Decoration[]>();
  const add = (passageId: string, list: readonly Decoration[]) => {
    if (list.length === 0) return;
    const existing = merged.get(passageId);
    merged.set(passageId, existing ? [...existing, ...list] : [...list]);
  };
  for (const map of maps) for (const [passageId, list] of map) add(passageId, list);
  if (focus) add(focus.passageId, [{ ...focus.range, kind: 'focus' }]);
  return merged;
}

/**
 * Runs one source's hook in its own component, so a source's state changes re-render only it, and
 * hands the result up. Keyed by source id: a re-registered source remounts (its hook order may differ).
 */
const DecorationHost = memo(function DecorationHost({
  source,
  doc,
  report,
}: {
  source: DecorationSource;
  doc: DocumentBundle;
  report: (id: string, map: DecorationMap) => void;
}) {
  const map = source.useDecorations(doc);
  useEffect(() => report(source.id, map), [report, source.id, map]);
  return null;
});

export const DecorationHosts = memo(function DecorationHosts({
  sources,
  doc,
  report,
}: {
  sources: readonly DecorationSource[];
  doc: DocumentBundle;
  report: (id: string, map: DecorationMap) => void;
}) {
  return sources.map((source) => (
    <DecorationHost key={source.id} source={source} doc={doc} report={report} />
  ));
});
