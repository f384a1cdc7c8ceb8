import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocumentBundle } from '../../../../shared/domain/library';
import { selectionToPassageRanges, type PassageRange } from '../reader';
import { annotations, useAnnotationState } from './annotation-store';
import { AnnotationToolbar, type ToolbarTarget } from './AnnotationToolbar';
import { annotationRect, passageRangeToDom } from './dom-selection';
import { useAnnotationKeys } from './use-annotation-keys';

const textPane = () => document.querySelector<HTMLElement>('main.text-pane');
const GAP = 8;

/** The current selection inside the text, as passage ranges (empty when there is none). */
function useTextSelection(): PassageRange[] {
  const [ranges, setRanges] = useState<PassageRange[]>([]);
  useEffect(() => {
    let frame = 0;
    const read = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const pane = textPane();
        const next = pane ? selectionToPassageRanges(window.getSelection(), pane) : [];
        setRanges((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
      });
    };
    document.addEventListener('selectionchange', read);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', read);
    };
  }, []);
  return ranges;
}

/**
 * The floating annotation toolbar: above a selection in the text (to create), or above the active
 * annotation (to change it). Also owns the annotation keys and the click that activates an
 * annotation in the text, and shows undo/redo notices.
 */
export function AnnotationOverlay({ doc }: { doc: DocumentBundle }) {
  const state = useAnnotationState();
  const mine = state.docId === doc.document.id;
  const ranges = useTextSelection();
  const active = !mine
    ? null
    : (state.list.find((a) => a.id === state.activeId && a.status === 'anchored') ?? null);
  const target: ToolbarTarget | null = ranges.length
    ? { mode: 'create', ranges }
    : active
      ? { mode: 'edit', annotation: active }
      : null;
  const tagSuggestions = useMemo(() => [...new Set(state.list.flatMap((a) => a.tags))].sort(), [state.list]);

  useAnnotationKeys();
  useActivateOnClick();

  const toolbarRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const place = () => {
    const rect =
      target?.mode === 'create'
        ? passageRangeToDom(ranges[0]!.passageId, ranges[0]!.start, ranges[0]!.end)?.getBoundingClientRect()
        : active
          ? annotationRect(active.id)
          : null;
    const box = toolbarRef.current?.getBoundingClientRect();
    const pane = textPane()?.getBoundingClientRect();
    if (!rect || !box || !pane || rect.bottom < pane.top || rect.top > pane.bottom) return setPosition(null);
    const above = rect.top - box.height - GAP;
    const top = Math.round(above >= pane.top + GAP ? above : rect.bottom + GAP);
    // Inside the text pane when it fits, else inside the window.
    const right = pane.right - box.width - GAP >= pane.left + GAP ? pane.right : window.innerWidth;
    const left = Math.round(Math.min(Math.max(rect.left, pane.left + GAP), right - box.width - GAP));

    setPosition((prev) => (prev && prev.top === top && prev.left === left ? prev : { top, left }));
  };
  // After every render (the toolbar's size changes with its editors); settles at once.
  useLayoutEffect(place);
  const placeRef = useRef(place);
  useLayoutEffect(() => {
    placeRef.current = place;
  });
  const shown = target !== null;
  useEffect(() => {
    if (!shown) return;
    const onMove = () => placeRef.current();
    window.addEventListener('scroll', onMove, true);
    window.addEventListener('resize', onMove);
    return () => {
      window.removeEventListener('scroll', onMove, true);
      window.removeEventListener('resize', onMove);
    };
  }, [shown]);

  return (
    <>
      {target && (
        <div
          ref={toolbarRef}
          className="ann-toolbar"
          data-mode={target.mode}
          style={
            position ? { top: position.top, left: position.left } : { visibility: 'hidden', top: 0, left: 0 }
          }
        >
          <AnnotationToolbar target={target} tagSuggestions={tagSuggestions} />
        </div>
      )}
      {state.notice && (
        <div key={state.notice.nonce} className="ann-notice" role="status">
          {state.notice.text}
        </div>
      )}
    </>
  );
}

/** A click on an annotation in the text makes it the active one; a click elsewhere in the text lets go. */
function useActivateOnClick(): void {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const el = e.target instanceof Element ? e.target : null;
      if (!el || el.closest('.ann-toolbar') || !el.closest('main.text-pane')) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const hit = el.closest<HTMLElement>('[data-annotation-id]');
      annotations.select(hit?.dataset.annotationId ?? null);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}
