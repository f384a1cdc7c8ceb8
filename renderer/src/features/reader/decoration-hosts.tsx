import { memo, useEffect } from 'react';
import type { DocumentBundle } from '../../../../shared/domain/library';
import type { DecorationMap, DecorationSource } from './extensions';

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
