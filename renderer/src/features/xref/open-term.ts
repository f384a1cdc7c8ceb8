import { navigation } from '../../app/navigation';

export const TERM_SCREEN = 'term';

/** Where the term view returns to (the reader, on the document it was opened from). */
let returnTo: { docId: string | null } = { docId: null };

/** Opens the term view for `term` (a glossary entry, a selection, a marker's term). */
export function openTermView(term: string): void {
  const text = term.trim().slice(0, 100);
  if (!text) return;
  const nav = navigation.get();
  if (nav.screen !== TERM_SCREEN) returnTo = { docId: nav.docId };
  navigation.openScreen(TERM_SCREEN, { term: text });
}

export function leaveTermView(): void {
  if (returnTo.docId) navigation.openDocument(returnTo.docId);
  else navigation.openLibrary();
}
