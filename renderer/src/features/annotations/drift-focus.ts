import { navigation } from '../../app/navigation';
import { updateSettings } from '../../app/settings';
import { createStore } from '../../lib/store';

/** The document whose drift report should open itself once the 批注 panel shows it; cleared when it has. */
export const driftFocus = createStore<string | null>(null);

/**
 * After a replace by a revised edition: opens the document on the 批注 tab with its drift report
 * unfolded, so the user can check where each annotation went. Callable from outside the reader.
 */
export function reviewAnnotationChanges(docId: string): void {
  driftFocus.set(docId);
  updateSettings({ panelOpen: true, panelTab: 'annotations' });
  navigation.openDocument(docId);
}
