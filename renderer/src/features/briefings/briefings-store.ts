/**
 * The briefing being edited and the list of briefings. Every change goes to main as one call (one
 * transaction there: the autosave) and the briefing main answers with replaces what is shown, so
 * the screen always shows what is stored.
 */
import type { Briefing, BriefingAction, BriefingSummary } from '../../../../shared/domain/briefings';
import type { RequestOf } from '../../../../shared/ipc/contract';
import { translate } from '../../i18n';
import { ApiError, apiClient } from '../../lib/api-client';
import { createStore, useStore } from '../../lib/store';
import { briefingStrings } from './strings';

export interface EditorState {
  briefing: Briefing | null;
  loading: boolean;
  error: string | null;
  /** What the last undo/redo or failure said, for the live region. */
  notice: { text: string; nonce: number } | null;
  /** Item to focus after a keyboard move, so focus follows the item. */
  focusId: string | null;
}

const editor = createStore<EditorState>({
  briefing: null,
  loading: false,
  error: null,
  notice: null,
  focusId: null,
});
const list = createStore<{ items: BriefingSummary[] | null; error: string | null }>({
  items: null,
  error: null,
});

export const useBriefingEditor = () => useStore(editor);
export const useBriefingList = () => useStore(list);

const message = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);
let nonce = 0;
const notify = (text: string) => editor.set((s) => ({ ...s, notice: { text, nonce: ++nonce } }));

export async function refreshBriefingList(): Promise<BriefingSummary[]> {
  try {
    const items = await apiClient.call('briefings:list', {});
    list.set({ items, error: null });
    return items;
  } catch (error) {
    list.set((s) => ({ ...s, error: message(error) }));
    return [];
  }
}

export async function openBriefing(id: string): Promise<void> {
  editor.set((s) => ({
    ...s,
    loading: true,
    error: null,
    briefing: s.briefing?.id === id ? s.briefing : null,
  }));
  try {
    const briefing = await apiClient.call('briefings:get', { id });
    editor.set((s) => ({ ...s, loading: false, briefing }));
  } catch (error) {
    editor.set((s) => ({ ...s, loading: false, error: message(error) }));
  }
}

async function change(
  call: () => Promise<Briefing>,
  focusId: string | null = null,
): Promise<Briefing | null> {
  try {
    const briefing = await call();
    editor.set((s) => ({ ...s, briefing, focusId, notice: null }));
    void refreshBriefingList();
    return briefing;
  } catch (error) {
    notify(message(error));
    return null;
  }
}

const currentId = () => editor.get().briefing?.id ?? '';

/**
 * An import, replace or delete may re-anchor or orphan excerpts: the list (flag counts) and the open
 * briefing are read again. Without a bridge (a page opened outside the app) there is nothing to follow.
 */
export function followLibraryChanges(): () => void {
  try {
    return apiClient.on('library:changed', () => {
      void refreshBriefingList();
      const open = editor.get().briefing;
      if (open) void openBriefing(open.id);
    });
  } catch {
    return () => undefined;
  }
}

export const briefings = {
  create: async (title: string) => {
    const made = await apiClient.call('briefings:create', { title });
    void refreshBriefingList();
    return made;
  },
  remove: async (id: string) => {
    await apiClient.call('briefings:delete', { id });
    if (editor.get().briefing?.id === id) editor.set((s) => ({ ...s, briefing: null }));
    await refreshBriefingList();
  },
  update: (fields: Omit<RequestOf<'briefings:update'>, 'id'>) =>
    change(() => apiClient.call('briefings:update', { id: currentId(), ...fields })),
  add: (addition: RequestOf<'briefings:add'>['addition']) =>
    change(() => apiClient.call('briefings:add', { briefingId: currentId(), addition })),
  editItem: (itemId: string, fields: { text?: string; level?: 1 | 2 | 3 }) =>
    change(
      () => apiClient.call('briefings:edit-item', { briefingId: currentId(), itemId, ...fields }),
      itemId,
    ),
  move: (itemId: string, to: number) =>
    change(() => apiClient.call('briefings:move-item', { briefingId: currentId(), itemId, to }), itemId),
  acceptSource: (itemId: string) =>
    change(() => apiClient.call('briefings:accept-source', { briefingId: currentId(), itemId }), itemId),
  removeItem: (itemId: string) =>
    change(() => apiClient.call('briefings:remove-item', { briefingId: currentId(), itemId })),
  step: async (direction: 'undo' | 'redo') => {
    const id = currentId();
    if (!id) return;
    try {
      const done = await apiClient.call(direction === 'undo' ? 'briefings:undo' : 'briefings:redo', {
        briefingId: id,
      });
      if (!done) return;
      editor.set((s) => ({ ...s, briefing: done.briefing }));
      notify(stepMessage(direction, done.action));
      void refreshBriefingList();
    } catch (error) {
      notify(message(error));
    }
  },
  clearFocus: () => editor.set((s) => (s.focusId ? { ...s, focusId: null } : s)),
};

function stepMessage(direction: 'undo' | 'redo', action: BriefingAction): string {
  const what = translate(briefingStrings, `action_${action}`);
  return translate(briefingStrings, direction === 'undo' ? 'undone' : 'redone', { action: what });
}
