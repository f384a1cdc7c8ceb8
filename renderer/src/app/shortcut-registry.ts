/**
 * Groups of keyboard shortcuts shown by the `?` dialog. Features that add keys (annotation: H, U,
 * N, T, Ctrl+Z) register a group so the list stays complete: `registerShortcuts({ id, order,
 * title: () => t('…'), items: [{ keys: ['H'], label: () => t('…') }] })`. Labels are functions so
 * they follow the current locale. Handling the keys stays with the feature.
 */
import { createStore, useStore } from '../lib/store';

export interface ShortcutItem {
  /** Key caps as shown, e.g. ['Ctrl', 'K'] or ['J']. */
  keys: string[];
  label: () => string;
}

export interface ShortcutGroup {
  id: string;
  order: number;
  title: () => string;
  items: ShortcutItem[];
}

const groups = createStore<readonly ShortcutGroup[]>([]);

export function registerShortcuts(group: ShortcutGroup): void {
  groups.set((prev) => [...prev.filter((g) => g.id !== group.id), group].sort((a, b) => a.order - b.order));
}

export function useShortcutGroups(): readonly ShortcutGroup[] {
  return useStore(groups);
}

/** Single-key shortcuts must not fire while the user types in a field. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
}
