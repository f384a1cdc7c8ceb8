/**
 * App-level navigation: which screen, which document, which passage to bring into view, and whether
 * the search overlay is open. Plain store + actions so any feature (search results, annotation lists,
 * cross-references) can move the reader without holding a reference to it.
 */
import { createStore, useStore } from '../lib/store';

export interface TextRange {
  start: number;
  end: number;
}

/** A request to show a passage; `nonce` makes a repeated request to the same place scroll again. */
export interface PassageTarget {
  docId: string;
  passageId: string;
  range: TextRange | null;
  nonce: number;
}

export interface NavigationState {
  /** 'loading' | 'library' | 'reader', or the id of a screen registered in app/screens.tsx. */
  screen: string;
  /** What `openScreen(id, arg)` passed to a registered screen. */
  screenArg: unknown;
  docId: string | null;
  target: PassageTarget | null;
  searchOpen: boolean;
  helpOpen: boolean;
}

const store = createStore<NavigationState>({
  screen: 'loading',
  screenArg: null,
  docId: null,
  target: null,
  searchOpen: false,
  helpOpen: false,
});

let nonce = 0;

export const navigation = {
  get: store.get,
  subscribe: store.subscribe,
  openLibrary(): void {
    store.set((s) => ({ ...s, screen: 'library', searchOpen: false }));
  },
  /** Opens a screen registered with `registerScreen` (ledger, comparison, briefings …). */
  openScreen(id: string, arg: unknown = null): void {
    store.set((s) => ({ ...s, screen: id, screenArg: arg, searchOpen: false }));
  },
  openDocument(docId: string): void {
    store.set((s) => ({ ...s, screen: 'reader', docId, target: null, searchOpen: false }));
  },
  /**
   * The first screen once the library answered: the document (else the shelf) — unless the user
   * went elsewhere while the app was starting; a search begun meanwhile stays open. The start is
   * not the user moving on.
   */
  openFirst(docId: string | null): void {
    store.set((s) =>
      s.screen !== 'loading'
        ? s
        : docId
          ? { ...s, screen: 'reader', docId, target: null }
          : { ...s, screen: 'library' },
    );
  },
  /** Switches document if needed, scrolls to the passage and highlights `range` (indexes of Passage.text). */
  openPassage(docId: string, passageId: string, range?: TextRange | null): void {
    const target: PassageTarget = { docId, passageId, range: range ?? null, nonce: ++nonce };
    store.set((s) => ({ ...s, screen: 'reader', docId, target, searchOpen: false }));
  },
  /** The reader clears the highlighted range when the reader moves on (Esc, another jump). */
  clearTarget(): void {
    store.set((s) => (s.target ? { ...s, target: null } : s));
  },
  openSearch(): void {
    store.set((s) => ({ ...s, searchOpen: true, helpOpen: false }));
  },
  closeSearch(): void {
    store.set((s) => ({ ...s, searchOpen: false }));
  },
  setHelpOpen(open: boolean): void {
    store.set((s) => ({ ...s, helpOpen: open }));
  },
};

export function useNavigation(): NavigationState {
  return useStore(store);
}
