import type { Range, SearchResultItem } from '../../../../../shared/domain/search';

/** Rows of the result list: a heading per document, then its hits in rank order. */
export type ResultRow =
  | { type: 'doc'; docId: string; title: string; year: number | null; count: number }
  | { type: 'hit'; hit: SearchResultItem; index: number };

export const ROW_HEIGHT = { doc: 34, hit: 78 } as const;

/**
 * Groups hits by document, documents in the order of their best hit. `counts` are the document's
 * hits in the whole result (not only the loaded pages). `index` numbers hits in display order,
 * which is what keyboard selection walks.
 */
export function groupRows(
  hits: readonly SearchResultItem[],
  counts: ReadonlyMap<string, number>,
): ResultRow[] {
  const groups = new Map<string, SearchResultItem[]>();
  for (const hit of hits) {
    const group = groups.get(hit.docId);
    if (group) group.push(hit);
    else groups.set(hit.docId, [hit]);
  }
  const rows: ResultRow[] = [];
  let index = 0;
  for (const [docId, group] of groups) {
    const first = group[0]!;
    rows.push({
      type: 'doc',
      docId,
      title: first.docTitle,
      year: first.year,
      count: counts.get(docId) ?? group.length,
    });
    for (const hit of group) rows.push({ type: 'hit', hit, index: index++ });
  }
  return rows;
}

export interface Layout {
  /** Top of each row, and the total height as the last entry. */
  tops: number[];
  /** Row of each hit index. */
  rowOfHit: number[];
}

export function layoutRows(rows: readonly ResultRow[]): Layout {
  const tops: number[] = [0];
  const rowOfHit: number[] = [];
  rows.forEach((row, i) => {
    if (row.type === 'hit') rowOfHit[row.index] = i;
    tops.push(tops[i]! + ROW_HEIGHT[row.type]);
  });
  return { tops, rowOfHit };
}

/** Rows to draw for a viewport, with a few rows of overscan either side. */
export function visibleRange(
  layout: Layout,
  scrollTop: number,
  height: number,
  overscan = 4,
): [number, number] {
  const { tops } = layout;
  const rows = tops.length - 1;
  let lo = 0;
  let hi = rows;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tops[mid + 1]! <= scrollTop) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < rows && tops[end]! < scrollTop + height) end++;
  return [Math.max(0, lo - overscan), Math.min(rows, end + overscan)];
}

/** The scrollTop that brings a row fully into view (unchanged when it already is). */
export function scrollToShow(layout: Layout, row: number, scrollTop: number, height: number): number {
  const top = layout.tops[row]!;
  const bottom = layout.tops[row + 1]!;
  // A hit's document heading comes into view with it when it is the group's first.
  if (top < scrollTop) return Math.max(0, top - (row > 0 ? ROW_HEIGHT.doc : 0));
  if (bottom > scrollTop + height) return bottom - height;
  return scrollTop;
}

/** Snippet text cut into plain and highlighted pieces. */
export function highlightParts(text: string, ranges: readonly Range[]): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    if (s > at) parts.push({ text: text.slice(at, s), hit: false });
    parts.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}
