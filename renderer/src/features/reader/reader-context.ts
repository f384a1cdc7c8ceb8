import { createContext, useContext } from 'react';
import type { DocumentBundle } from '../../../../shared/domain/library';
import type { TextRange } from '../../app/navigation';
import type { DocIndex } from './model/doc-index';

/** What features inside the reader (panels, overlays, decoration hooks) can ask of it. Stable while a document is open. */
export interface ReaderApi {
  doc: DocumentBundle;
  index: DocIndex;
  /** Scrolls to a passage of this document and highlights `range`; another document: use navigation.openPassage. */
  openPassage(passageId: string, range?: TextRange | null): void;
  /** Opens the right panel on a registered tab, handing it `arg` (PanelProps.request). */
  openPanel(tabId: string, arg?: unknown): void;
  /** `《标题》三（二）第2段` for a passage of this document. */
  citation(passageId: string): string;
}

export const ReaderContext = createContext<ReaderApi | null>(null);

/** Apart from ReaderApi so that scrolling re-renders only the components that follow the position. */
export const CurrentPassageContext = createContext<string | null>(null);

/** The passage at the reading position (top of the text pane), or the one last moved to. */
export function useCurrentPassageId(): string | null {
  return useContext(CurrentPassageContext);
}

export function useReader(): ReaderApi {
  const api = useContext(ReaderContext);
  if (!api) throw new Error('useReader() is only available inside the reader');
  return api;
}
