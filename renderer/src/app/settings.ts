import { createStore, useStore } from '../lib/store';

export type Theme = 'light' | 'dark';
/** Large-print mode scales the reading text and the UI together. */
export type TextSize = 'standard' | 'large' | 'x-large';

export interface Settings {
  theme: Theme;
  textSize: TextSize;
  outlineOpen: boolean;
  panelOpen: boolean;
  /** The right panel's last tab, restored on the next start. */
  panelTab: string | null;
}

const defaults: Settings = {
  theme: 'light',
  textSize: 'standard',
  outlineOpen: true,
  panelOpen: true,
  panelTab: null,
};

export const settingsStore = createStore<Settings>(defaults, 'yandu.settings');

export function useSettings(): Settings {
  return useStore(settingsStore);
}

export function updateSettings(patch: Partial<Settings>): void {
  settingsStore.set((prev) => ({ ...prev, ...patch }));
}

/** Theme and size live on <html> as data attributes; the CSS tokens switch on them. */
export function applySettingsToDocument(
  settings: Settings,
  root: HTMLElement = document.documentElement,
): void {
  root.dataset.theme = settings.theme;
  root.dataset.textSize = settings.textSize;
}
