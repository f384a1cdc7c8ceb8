import { useEffect, useState } from 'react';
import type { DocumentBundle } from '../../../../shared/domain/library';
import { navigation } from '../../app/navigation';
import { registerShortcuts } from '../../app/shortcut-registry';
import { registerSlot } from '../../app/slots';
import { lazyT } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { useStore } from '../../lib/store';
import { registerDecorationSource, type Decoration, type DecorationMap } from '../reader';
import { readerHighlight } from './search-store';
import { SearchOverlay } from './SearchOverlay';
import './search.css';
import { searchStrings } from './strings';

const lazy = lazyT(searchStrings);
const NONE: DecorationMap = new Map();

/** Every hit of the last opened query in the open document, marked like Ctrl-F in a word processor. */
function useSearchHitDecorations(doc: DocumentBundle): DecorationMap {
  const highlight = useStore(readerHighlight);
  const docId = doc.document.id;
  const [marks, setMarks] = useState<{ key: string; map: DecorationMap }>({ key: '', map: NONE });
  const key = highlight ? `${docId}\u0000${highlight.query}` : '';
  useEffect(() => {
    if (!highlight) return;
    let live = true;
    apiClient
      .call('search:query', { query: `${highlight.query} kind:passage doc:${docId}`, limit: 500 })
      .then(
        (r) => {
          if (!live) return;
          const next = new Map<string, Decoration[]>();
          for (const hit of r.hits)
            if (hit.kind === 'passage' && hit.docId === docId && hit.passageId)
              next.set(
                hit.passageId,
                hit.ranges.map(([start, end]) => ({ start, end, kind: 'search-hit' })),
              );
          setMarks({ key: `${docId}\u0000${highlight.query}`, map: next });
        },
        () => {},
      );
    return () => {
      live = false;
    };
  }, [highlight, docId]);
  return marks.key === key ? marks.map : NONE;
}

// Esc in the reader (which clears the jump target) also puts the search marks away.
navigation.subscribe(() => {
  if (!navigation.get().target && readerHighlight.get()) readerHighlight.set(null);
});

registerSlot('search', 'search', SearchOverlay);
registerDecorationSource({ id: 'search-hits', useDecorations: useSearchHitDecorations });
registerShortcuts({
  id: 'search',
  order: 5,
  title: lazy('shortcutsTitle'),
  items: [
    { keys: ['Ctrl', 'K'], label: lazy('keySearch') },
    { keys: ['↑', '↓'], label: lazy('keyMove') },
    { keys: ['Enter'], label: lazy('keyOpen') },
    { keys: ['Alt', 'B'], label: lazy('keyBriefing') },
  ],
});
