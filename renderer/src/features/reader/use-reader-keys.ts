import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../app/shortcut-registry';
import type { DocIndex } from './model/doc-index';

export interface ReaderKeyActions {
  index: DocIndex;
  currentPassageId: string | null;
  goTo: (passageId: string) => void;
  onEscape: () => void;
}

/** J/K paragraphs, [ / ] sections, Esc. Ignored while typing, with modifiers, or under a modal dialog. */
export function useReaderKeys(actions: ReaderKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const { index, currentPassageId, goTo, onEscape } = latest.current;
      const focused =
        document.activeElement instanceof HTMLElement ? document.activeElement.dataset.passageId : undefined;
      const from = index.position.get(focused ?? currentPassageId ?? '') ?? -1;
      // The first J or K picks up the paragraph at the reading position; later ones move on.
      const step = focused ? 1 : 0;
      let target: string | undefined;
      switch (e.key) {
        case 'j':
        case 'J':
          target = index.passages[Math.min(Math.max(from, 0) + step, index.passages.length - 1)]?.id;
          break;
        case 'k':
        case 'K':
          target = index.passages[Math.max(from - step, 0)]?.id;
          break;
        case ']':
          target = index.sectionStops.find(
            (s) => (index.position.get(s.firstPassageId) ?? 0) > from,
          )?.firstPassageId;
          break;
        case '[':
          target = index.sectionStops.findLast(
            (s) => (index.position.get(s.firstPassageId) ?? 0) < from,
          )?.firstPassageId;
          break;
        case 'Escape':
          onEscape();
          return;
        default:
          return;
      }
      e.preventDefault();
      if (target) goTo(target);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
