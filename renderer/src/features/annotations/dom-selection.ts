/**
 * Offsets of passage text → a DOM selection (the reverse of reader/text-offsets.ts): used to select
 * a sentence or a paragraph from the keyboard, and to place the toolbar next to an annotation.
 */

function textRoot(passageId: string, container: ParentNode = document): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[data-passage-text="${CSS.escape(passageId)}"]`);
}

/** The DOM point at a passage text offset: inside the run (data-o) that holds it. */
function pointAt(
  root: HTMLElement,
  offset: number,
  preferEnd: boolean,
): { node: Node; offset: number } | null {
  const runs = [...root.querySelectorAll<HTMLElement>('[data-o]')];
  for (const run of runs) {
    const start = Number(run.dataset.o);
    const text = run.firstChild;
    const length = text?.textContent?.length ?? 0;
    const inside = preferEnd
      ? offset > start && offset <= start + length
      : offset >= start && offset < start + length;
    if (text && inside) return { node: text, offset: offset - start };
  }
  return null;
}

export function passageRangeToDom(passageId: string, start: number, end: number): Range | null {
  const root = textRoot(passageId);
  if (!root || end <= start) return null;
  const from = pointAt(root, start, false);
  const to = pointAt(root, end, true);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Selects `passage.text[start, end)` as if the reader had dragged across it. */
export function selectPassageRange(passageId: string, start: number, end: number): boolean {
  const range = passageRangeToDom(passageId, start, end);
  const selection = window.getSelection();
  if (!range || !selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/** Where an annotation is drawn (its first piece), to anchor the toolbar. */
export function annotationRect(id: string): DOMRect | null {
  const pieces = document.querySelectorAll<HTMLElement>(
    `.deco-annotation[data-annotation-id="${CSS.escape(id)}"]`,
  );
  if (!pieces.length) return null;
  const first = pieces[0]!.getBoundingClientRect();
  const last = pieces[pieces.length - 1]!.getBoundingClientRect();
  return new DOMRect(
    first.left,
    first.top,
    Math.max(first.width, last.right - first.left),
    last.bottom - first.top,
  );
}
