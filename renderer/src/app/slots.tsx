/**
 * Named places in the app shell that other features fill without editing the shell:
 *   - 'search'          the search UI (Ctrl+K overlay); reads `useNavigation().searchOpen`,
 *                       closes with `navigation.closeSearch()`, opens hits with `navigation.openPassage`.
 *   - 'library-toolbar' buttons in the library header (e.g. 导入).
 *   - 'app-overlay'     always-mounted app-wide layers (drop zone, import progress strip).
 *   - 'library-sections' sections below the documents on the library screen (e.g. the briefings).
 * And actions on one document, shown on its library row and under its title in the reader:
 *   registerDocumentAction('replace-edition', ReplaceEditionButton);
 * Register once at module load, from the feature's `register.ts` listed in app/plugins.ts:
 *   registerSlot('search', 'search', SearchOverlay);
 */
import { Fragment, type ComponentType } from 'react';
import { createStore, useStore } from '../lib/store';

export type SlotName = 'search' | 'library-toolbar' | 'app-overlay' | 'library-sections';

interface SlotEntry {
  slot: SlotName;
  id: string;
  Component: ComponentType;
}

const slots = createStore<readonly SlotEntry[]>([]);

export function registerSlot(slot: SlotName, id: string, Component: ComponentType): void {
  slots.set((prev) => [...prev.filter((e) => !(e.slot === slot && e.id === id)), { slot, id, Component }]);
}

export function hasSlot(slot: SlotName, entries: readonly SlotEntry[] = slots.get()): boolean {
  return entries.some((e) => e.slot === slot);
}

export function useSlotFilled(slot: SlotName): boolean {
  return hasSlot(slot, useStore(slots));
}

export function Slot({ name }: { name: SlotName }) {
  const entries = useStore(slots).filter((e) => e.slot === name);
  return (
    <>
      {entries.map(({ id, Component }) => (
        <Fragment key={id}>
          <Component />
        </Fragment>
      ))}
    </>
  );
}

/** Where the search feature mounts its overlay; empty until it registers. */
export function SearchSlot() {
  return <Slot name="search" />;
}

export interface DocumentActionProps {
  docId: string;
  title: string;
  className?: string;
}

const documentActions = createStore<readonly { id: string; Component: ComponentType<DocumentActionProps> }[]>(
  [],
);

export function registerDocumentAction(id: string, Component: ComponentType<DocumentActionProps>): void {
  documentActions.set((prev) => [...prev.filter((e) => e.id !== id), { id, Component }]);
}

/** The registered actions on one document (e.g. 导入修订版…), in registration order. */
export function DocumentActions(props: DocumentActionProps) {
  return (
    <>
      {useStore(documentActions).map(({ id, Component }) => (
        <Component key={id} {...props} />
      ))}
    </>
  );
}
