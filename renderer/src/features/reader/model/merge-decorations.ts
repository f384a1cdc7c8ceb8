import type { Decoration } from './decoration';
import type { DocIndex } from './doc-index';
import { leadRange } from './segments';

type DecorationLists = ReadonlyMap<string, readonly Decoration[]>;

/** The reader's own decorations: lead phrases in bold. */
export function leadDecorations(index: DocIndex): Map<string, Decoration[]> {
  const map = new Map<string, Decoration[]>();
  for (const p of index.passages) {
    const range = leadRange(p.text, p.lead);
    if (range) map.set(p.id, [{ ...range, kind: 'lead' }]);
  }
  return map;
}

function sameDecoration(a: Decoration, b: Decoration): boolean {
  if (a === b) return true;
  if (a.start !== b.start || a.end !== b.end || a.kind !== b.kind) return false;
  if (a.className !== b.className || a.title !== b.title) return false;
  const da = Object.entries(a.data ?? {});
  const db = b.data ?? {};
  return da.length === Object.keys(db).length && da.every(([k, v]) => db[k] === v);
}

/**
 * Merges every source into one list per passage; `focus` is the range a jump asked to show.
 * A passage whose list did not change keeps the previous array, so its (memoised) rendering is
 * skipped when another passage's decorations change.
 */
export function mergeDecorations(
  maps: readonly DecorationLists[],
  focus: { passageId: string; range: { start: number; end: number } } | null,
  previous?: DecorationLists,
): Map<string, readonly Decoration[]> {
  const merged = new Map<string, Decoration[]>();
  const add = (passageId: string, list: readonly Decoration[]) => {
    if (list.length === 0) return;
    const existing = merged.get(passageId);
    if (existing) existing.push(...list);
    else merged.set(passageId, [...list]);
  };
  for (const map of maps) for (const [passageId, list] of map) add(passageId, list);
  if (focus) add(focus.passageId, [{ ...focus.range, kind: 'focus' }]);

  const result = new Map<string, readonly Decoration[]>();
  for (const [passageId, list] of merged) {
    const before = previous?.get(passageId);
    const unchanged =
      before && before.length === list.length && before.every((d, i) => sameDecoration(d, list[i]!));
    result.set(passageId, unchanged ? before : list);
  }
  return result;
}
