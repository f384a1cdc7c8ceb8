import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../app/shortcut-registry';
import { selectionToPassageRanges, useCurrentPassageId, useReader, type DocIndex } from '../reader';
import { annotations, getAnnotationState, type QueuedOps } from './annotation-store';
import { selectPassageRange } from './dom-selection';
import { stepSentence } from './model/sentences';

/**
 * H highlight · U underline · N note · T tag — on the selection, else on the active annotation;
 * S / Shift+S select the next / previous sentence of the current paragraph, P the whole paragraph
 * (so everything works without a mouse); Delete removes the active annotation; Ctrl+Z undoes and
 * Ctrl+Shift+Z (or Ctrl+Y) redoes annotation actions of this document.
 *
 * Keys are queued behind the changes in flight and read the selection when their turn comes, so
 * S H S U N typed quickly does what it would do typed slowly.
 */
export function useAnnotationKeys(): void {
  const { index } = useReader();
  const current = useCurrentPassageId();
  const latest = useRef({ index, current });
  useEffect(() => {
    latest.current = { index, current };
  });

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        if (key === 'z' && !e.shiftKey) void annotations.undo();
        else if ((key === 'z' && e.shiftKey) || key === 'y') void annotations.redo();
        else return;
        e.preventDefault();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const hasActive = getAnnotationState().activeId !== null || annotations.busy();
      if (key === 'escape') {
        if (getAnnotationState().activeId) annotations.select(null);
        return; // the reader's Esc still runs
      }
      if ((key === 'delete' || key === 'backspace') && !hasActive) return;
      if (!['h', 'u', 'n', 't', 's', 'p', 'delete', 'backspace'].includes(key)) return;
      e.preventDefault();
      const { index: doc, current: at } = latest.current;
      const focused =
        document.activeElement instanceof HTMLElement ? document.activeElement.dataset.passageId : undefined;
      void annotations.queue((ops) => runKey(key, e.shiftKey, ops, doc, focused ?? at));
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

async function runKey(
  key: string,
  shift: boolean,
  ops: QueuedOps,
  doc: DocIndex,
  at: string | null | undefined,
) {
  const pane = document.querySelector('main.text-pane');
  const ranges = pane ? selectionToPassageRanges(window.getSelection(), pane) : [];
  const active = ops.active();
  const create = async (options: Parameters<QueuedOps['create']>[1]) => {
    window.getSelection()?.removeAllRanges();
    await ops.create(ranges, options);
  };
  switch (key) {
    case 'h':
      if (ranges.length) return create({ kind: 'highlight' });
      if (active) return ops.update(active.id, { kind: 'highlight' });
      return;
    case 'u':
      if (ranges.length) return create({ kind: 'underline' });
      if (active) return ops.update(active.id, { kind: 'underline' });
      return;
    case 'n':
      if (ranges.length) return create({ kind: 'note', editor: 'note' });
      if (active) annotations.openEditor('note');
      return;
    case 't':
      if (ranges.length) return create({ kind: 'highlight', editor: 'tags' });
      if (active) annotations.openEditor('tags');
      return;
    case 'delete':
    case 'backspace':
      if (active && !ranges.length) return ops.remove(active.id);
      return;
    case 's':
    case 'p': {
      // From the selection, else from the annotation just made, else the paragraph at hand.
      const from = ranges[0] ?? (active?.passageId ? { ...active, passageId: active.passageId } : null);
      const passageId = from?.passageId ?? at;
      const passage = passageId ? doc.passageById.get(passageId) : undefined;
      if (!passage) return;
      const range =
        key === 'p'
          ? { start: 0, end: passage.text.length }
          : stepSentence(passage.text, from?.passageId === passage.id ? from : null, shift ? -1 : 1);
      if (!range) return;
      annotations.select(null);
      selectPassageRange(passage.id, range.start, range.end);
    }
  }
}
