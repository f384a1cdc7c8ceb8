/**
 * Reader extension points (the seam for search, annotations, cross-references):
 *
 * 1. Decorations — `registerDecorationSource({ id, useDecorations })`. `useDecorations(doc)` is a
 *    React hook (it may use state, effects, apiClient) called once per render of the open document;
 *    it returns a Map passageId → Decoration[] whose ranges index `Passage.text`. Every passage is
 *    drawn by one component, `PassageText`, which splits the text at every boundary so overlapping
 *    decorations nest correctly, with footnote markers interleaved at their offsets.
 * 2. Right-panel tabs — `registerPanelTab({ id, order, label, Component })`. Only registered tabs
 *    show. `Component` gets `{ doc, request }`; `request` is the last `openPanel(id, arg)` aimed at it
 *    (e.g. the glossary tab receives `{ glossaryId }` when a footnote popover link is followed).
 * 3. Overlays — `registerReaderOverlay({ id, Component })`: always mounted inside the reader while a
 *    document is open (a selection toolbar, say). Use `useReader()` inside for the API.
 *
 * Register at module load from the feature's `register.ts`, listed in app/plugins.ts.
 */
import type { ComponentType } from 'react';
import type { DocumentBundle } from '../../../../shared/domain/library';
import { createStore, useStore } from '../../lib/store';
import type { Decoration } from './model/decoration';

export type { Decoration, DecorationKind } from './model/decoration';

export type DecorationMap = ReadonlyMap<string, readonly Decoration[]>;

export interface DecorationSource {
  id: string;
  useDecorations: (doc: DocumentBundle) => DecorationMap;
}

export interface PanelRequest {
  tabId: string;
  arg: unknown;
  nonce: number;
}

export interface PanelProps {
  doc: DocumentBundle;
  /** The latest `openPanel(tabId, arg)` for this tab, or null. */
  request: PanelRequest | null;
}

export interface PanelTab {
  id: string;
  /** Tabs are shown in ascending order: 名词解释 10, 指标与举措 20, 批注 30, 关联 40. */
  order: number;
  /** A function so the label follows the current locale (use `translate(table, key)`). */
  label: () => string;
  Component: ComponentType<PanelProps>;
}

export interface ReaderOverlay {
  id: string;
  Component: ComponentType<{ doc: DocumentBundle }>;
}

const decorationSources = createStore<readonly DecorationSource[]>([]);
const panelTabs = createStore<readonly PanelTab[]>([]);
const overlays = createStore<readonly ReaderOverlay[]>([]);

const upsert = <T extends { id: string }>(list: readonly T[], item: T) => [
  ...list.filter((x) => x.id !== item.id),
  item,
];

export function registerDecorationSource(source: DecorationSource): void {
  decorationSources.set((prev) => upsert(prev, source));
}

export function registerPanelTab(tab: PanelTab): void {
  panelTabs.set((prev) => upsert(prev, tab).sort((a, b) => a.order - b.order));
}

export function registerReaderOverlay(overlay: ReaderOverlay): void {
  overlays.set((prev) => upsert(prev, overlay));
}

export const useDecorationSources = () => useStore(decorationSources);
export const usePanelTabs = () => useStore(panelTabs);
export const useReaderOverlays = () => useStore(overlays);
