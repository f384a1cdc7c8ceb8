/**
 * The open document's annotations, shared by the decorations, the selection toolbar and the panel.
 * Every change goes to main (one transaction each there) and the list is re-read afterwards, so
 * what is shown is always what is stored.
 */
import { useEffect } from 'react';
import type {
  Annotation,
  AnnotationAction,
  AnnotationColor,
  AnnotationKind,
  AnnotationPrefs,
} from '../../../../shared/domain/annotations';
import type { RequestOf } from '../../../../shared/ipc/contract';
import { translate, type KeyOf, type Params } from '../../i18n';
import { apiClient } from '../../lib/api-client';
import { createStore, useStore } from '../../lib/store';
import { annotationStrings } from './strings';

export type EditorMode = 'note' | 'tags';
/** Where the editor opens: in the floating toolbar or inside the panel's list item. */
export interface EditorState {
  mode: EditorMode;
  place: 'toolbar' | 'panel';
}

export interface AnnotationState {
  docId: string | null;
  list: readonly Annotation[];
  loaded: boolean;
  error: string | null;
  prefs: AnnotationPrefs | null;
  /** The annotation the toolbar edits (clicked in the text or picked in the panel). */
  activeId: string | null;
  editor: EditorState | null;
  notice: { text: string; nonce: number } | null;
  /** Bumped after every change, so views that read more (tags, conflicts) refetch. */
  version: number;
}

const initial: AnnotationState = {
  docId: null,
  list: [],
  loaded: false,
  error: null,
  prefs: null,
  activeId: null,
  editor: null,
  notice: null,
  version: 0,
};

const store = createStore<AnnotationState>(initial);
/** The colour H and the toolbar's default use: the last one picked, remembered across sessions. */
const lastColor = createStore<AnnotationColor>('yellow', 'yandu.annotations.color');

export const useAnnotationState = () => useStore(store);
export const useLastColor = () => useStore(lastColor);
export const getAnnotationState = store.get;

const t = (key: KeyOf<typeof annotationStrings>, params?: Params) =>
  translate(annotationStrings, key, params);

let nonce = 0;
function notify(text: string): void {
  store.set((s) => ({ ...s, notice: { text, nonce: ++nonce } }));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function refresh(docId: string): Promise<void> {
  try {
    const list = await apiClient.call('annotations:list', { documentId: docId });
    store.set((s) =>
      s.docId === docId
        ? {
            ...s,
            list,
            loaded: true,
            error: null,
            version: s.version + 1,
            activeId: list.some((a) => a.id === s.activeId) ? s.activeId : null,
          }
        : s,
    );
  } catch (error) {
    store.set((s) => (s.docId === docId ? { ...s, loaded: true, error: message(error) } : s));
  }
}

/** Loads the document's annotations (and the palette once); reloads when the library changes it. */
export function useAnnotationsOf(docId: string): AnnotationState {
  const state = useAnnotationState();
  useEffect(() => {
    if (store.get().docId !== docId) store.set({ ...initial, prefs: store.get().prefs, docId });
    void refresh(docId);
    if (!store.get().prefs)
      apiClient.call('annotations:prefs', {}).then(
        (prefs) => store.set((s) => ({ ...s, prefs })),
        () => undefined,
      );
    try {
      return apiClient.on('library:changed', ({ documentIds }) => {
        if (documentIds.includes(docId)) void refresh(docId);
      });
    } catch {
      return undefined;
    }
  }, [docId]);
  return state;
}

/** Runs a change against main, then re-reads the list; failures become a notice, never a crash. */
async function change<T>(run: () => Promise<T>): Promise<T | undefined> {
  const docId = store.get().docId;
  try {
    return await run();
  } catch (error) {
    notify(t('actionFailed', { message: message(error) }));
    return undefined;
  } finally {
    if (docId) await refresh(docId);
  }
}

type Patch = Omit<RequestOf<'annotations:update'>, 'id'>;

/**
 * Changes run one after another: keys typed quickly (S, H, S, U, N) act in order, each on the state
 * the previous one left — N opens the note of the annotation U has just made.
 */
let tail: Promise<unknown> = Promise.resolve();
let queued = 0;
function serial<T>(task: () => Promise<T>): Promise<T> {
  queued++;
  const run = tail.then(task, task).finally(() => queued--);
  tail = run.catch(() => undefined);
  return run;
}

const updateNow = async (id: string, patch: Patch) => {
  if (patch.color) lastColor.set(patch.color);
  await change(() => apiClient.call('annotations:update', { id, ...patch }));
};
const removeNow = async (id: string) => {
  store.set((s) => (s.activeId === id ? { ...s, activeId: null, editor: null } : s));
  await change(() => apiClient.call('annotations:delete', { id }));
};
/** What a queued task may do: the same changes, run inside its own turn (no re-queueing). */
export interface QueuedOps {
  create: typeof createNow;
  update: typeof updateNow;
  remove: typeof removeNow;
  /** The active annotation as it is when the task runs. */
  active: () => Annotation | null;
}
const ops: QueuedOps = {
  create: createNow,
  update: updateNow,
  remove: removeNow,
  active: () => activeAnnotation(),
};

const activeAnnotation = (): Annotation | null => {
  const s = store.get();
  return s.list.find((a) => a.id === s.activeId && a.status === 'anchored') ?? null;
};

const actionName = (action: AnnotationAction) => t(`action_${action}`);

export const annotations = {
  /** Annotates each range (a selection across paragraphs gives one annotation per paragraph). */
  create(
    ranges: readonly { passageId: string; start: number; end: number }[],
    options: { kind?: AnnotationKind; color?: AnnotationColor; editor?: EditorMode | null } = {},
  ): Promise<Annotation | undefined> {
    return serial(() => createNow(ranges, options));
  },
  update: (id: string, patch: Patch): Promise<void> => serial(() => updateNow(id, patch)),
  remove: (id: string): Promise<void> => serial(() => removeNow(id)),
  undo: () => serial(() => step('undo')),
  redo: () => serial(() => step('redo')),
  /** Runs `task` once every earlier change is done, so it sees the state they left. */
  queue: (task: (ops: QueuedOps) => Promise<unknown> | void): Promise<void> =>
    serial(async () => {
      await task(ops);
    }),
  /** True while changes are queued or running. */
  busy: () => queued > 0,
  select(id: string | null, editor: EditorState | null = null): void {
    store.set((s) => ({ ...s, activeId: id, editor: id ? editor : null }));
  },
  /** Opens (or with null closes) the editor of the active annotation. */
  openEditor(mode: EditorMode | null, place: EditorState['place'] = 'toolbar'): void {
    store.set((s) => ({ ...s, editor: mode ? { mode, place } : null }));
  },
  setColorLabel: (color: AnnotationColor, label: string): Promise<void> =>
    serial(async () => {
      const prefs = await change(() => apiClient.call('annotations:set-color-label', { color, label }));
      if (prefs) store.set((s) => ({ ...s, prefs }));
    }),
  /** After an import or a conflict choice: re-read what main now holds. */
  reload: () => serial(() => change(async () => undefined)),
  notify,
};

async function createNow(
  ranges: readonly { passageId: string; start: number; end: number }[],
  options: { kind?: AnnotationKind; color?: AnnotationColor; editor?: EditorMode | null },
): Promise<Annotation | undefined> {
  const color = options.color ?? lastColor.get();
  if (options.color) lastColor.set(options.color);
  let last: Annotation | undefined;
  await change(async () => {
    for (const r of ranges)
      last = await apiClient.call('annotations:create', { ...r, kind: options.kind ?? 'highlight', color });
  });
  if (ranges.length > 1) notify(t('onePassage', { n: ranges.length }));
  const editor = options.editor ? { mode: options.editor, place: 'toolbar' as const } : null;
  if (last) store.set((s) => ({ ...s, activeId: last!.id, editor }));
  return last;
}

async function step(direction: 'undo' | 'redo'): Promise<void> {
  const documentId = store.get().docId;
  if (!documentId) return;
  const done = await change(() => apiClient.call(`annotations:${direction}`, { documentId }));
  if (done === undefined) return;
  const action = done ? actionName(done.action) : '';
  if (direction === 'undo') notify(done ? t('undone', { action }) : t('nothingToUndo'));
  else notify(done ? t('redone', { action }) : t('nothingToRedo'));
}

export function colorLabel(prefs: AnnotationPrefs | null, color: AnnotationColor): string {
  return prefs?.colors.find((c) => c.color === color)?.label ?? '';
}
