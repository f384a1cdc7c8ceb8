/**
 * App-level screens beyond the library and the reader (target ledger, comparison, briefings,
 * backups …). A feature registers its screen once from its register.ts:
 *   registerScreen({ id: 'ledger', order: 20, label: () => translate(strings, 'ledger'), Component });
 * and any code opens it with `navigation.openScreen('ledger', arg)`; the screen reads its argument
 * with `useNavigation().screenArg`. Screens with a `label` get a button in the top bar.
 */
import type { ComponentType } from 'react';
import { createStore, useStore } from '../lib/store';

export interface AppScreen {
  id: string;
  /** Top-bar order, ascending. */
  order: number;
  /** A function so the label follows the locale; omit for screens reached only from elsewhere. */
  label?: () => string;
  /** Shortcut shown in the top-bar button's title, e.g. `Control+Shift+L`; the feature binds it. */
  keyshortcuts?: string;
  Component: ComponentType;
}

const screens = createStore<readonly AppScreen[]>([]);

export function registerScreen(screen: AppScreen): void {
  screens.set((prev) => [...prev.filter((s) => s.id !== screen.id), screen].sort((a, b) => a.order - b.order));
}

export const useScreens = () => useStore(screens);
export const findScreen = (id: string) => screens.get().find((s) => s.id === id);
