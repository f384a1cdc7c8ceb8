/**
 * DOM ↔ passage text offsets. `PassageText` marks every run of passage text with `data-o` (its
 * start offset in Passage.text) inside an element with `data-passage-id`; footnote markers and other
 * inserted UI carry no `data-o`, so they never count. Used for copy-with-citation and by the
 * annotation feature to turn a selection into `{ passageId, start, end }`.
 */

export interface PassageRange {
  passageId: string;
  start: number;
  end: number;
}

const TEXT_ROOT = '[data-passage-text]';

function passageTextRoot(node: Node | null): HTMLElement | null {
  const el = node instanceof Element ? node : (node?.parentElement ?? null);
  return (el?.closest(TEXT_ROOT) as HTMLElement | null) ?? null;
}

function textLength(root: HTMLElement): number {
  return Number(root.dataset.length ?? 0);
}

/** Characters of passage text between the start of `root` and the point (node, offset). */
function offsetWithin(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  try {
    range.setEnd(node, offset);
  } catch {
    return 0;
  }
  let n = 0;
  range
    .cloneContents()
    .querySelectorAll('[data-o]')
    .forEach((el) => {
      n += el.textContent?.length ?? 0;
    });
  return Math.min(n, textLength(root));
}

/** The passage and offset of one DOM point, or null when it is not inside passage text. */
export function pointToPassageOffset(
  node: Node,
  offset: number,
): { passageId: string; offset: number } | null {
  const root = passageTextRoot(node);
  const passageId = root?.dataset.passageText;
  if (!root || !passageId) return null;
  return { passageId, offset: offsetWithin(root, node, offset) };
}

/** Every passage a DOM range touches, with the covered part of its text (empty parts dropped). */
export function rangeToPassageRanges(range: Range, container: ParentNode = document): PassageRange[] {
  const out: PassageRange[] = [];
  container.querySelectorAll<HTMLElement>(TEXT_ROOT).forEach((root) => {
    if (!range.intersectsNode(root)) return;
    const passageId = root.dataset.passageText;
    if (!passageId) return;
    const start = root.contains(range.startContainer)
      ? offsetWithin(root, range.startContainer, range.startOffset)
      : 0;
    const end = root.contains(range.endContainer)
      ? offsetWithin(root, range.endContainer, range.endOffset)
      : textLength(root);
    if (end > start) out.push({ passageId, start, end });
  });
  return out;
}

/** The current selection as passage ranges (empty when nothing of a passage is selected). */
export function selectionToPassageRanges(
  selection: Selection | null = window.getSelection(),
  container: ParentNode = document,
): PassageRange[] {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return [];
  const ranges: PassageRange[] = [];
  for (let i = 0; i < selection.rangeCount; i++)
    ranges.push(...rangeToPassageRanges(selection.getRangeAt(i), container));
  return ranges;
}
