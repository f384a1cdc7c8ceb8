/**
 * Fractional order keys for briefing items (the midpoint scheme of rocicorp/fractional-indexing,
 * CC0, written out here: twenty lines do not warrant a dependency). Keys are base-62 fractions
 * over ASCII digits, so JavaScript's string order, SQLite's BINARY and PostgreSQL's COLLATE "C"
 * all sort them alike; ties between equal keys fall to the item id.
 */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A key strictly between `a` and `b` ('' = the start, null = the end); neither may end in '0'. */
export function keyBetween(a: string, b: string | null): string {
  if (b !== null && a >= b) throw new Error(`order keys out of order: ${a} >= ${b}`);
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + keyBetween(a.slice(n), b.slice(n));
  }
  const low = a ? DIGITS.indexOf(a[0]!) : 0;
  const high = b !== null ? DIGITS.indexOf(b[0]!) : DIGITS.length;
  if (high - low > 1) return DIGITS[Math.round((low + high) / 2)]!;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS[low]! + keyBetween(a.slice(1), null);
}

export const compareOrder = (a: { key: string; id: string }, b: { key: string; id: string }): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Keys for a list in its current order, given each item's id and the key it last had (undefined:
 * new item). The longest run of items whose old (key, id) pairs are still increasing keeps them;
 * only the rest (the items inserted or moved) get new keys, between their kept neighbours, so a
 * move changes one item's key and concurrent edits of other items never meet it. Two clients that
 * inserted at the same place may have made the same key: such a pair stays, ordered by id, unless
 * something must go between them.
 */
export function assignKeys(items: { id: string; key: string | undefined }[]): string[] {
  try {
    return keysKeeping(items, longestIncreasing(items, true));
  } catch {
    return keysKeeping(items, longestIncreasing(items, false));
  }
}

function keysKeeping(items: { id: string; key: string | undefined }[], keep: Set<number>): string[] {
  const out: string[] = new Array<string>(items.length);
  let prev = '';
  for (let i = 0; i < items.length; i++) {
    if (keep.has(i)) {
      out[i] = items[i]!.key!;
      prev = out[i]!;
      continue;
    }
    let next: string | null = null;
    for (let j = i + 1; j < items.length; j++)
      if (keep.has(j)) {
        next = items[j]!.key!;
        break;
      }
    out[i] = keyBetween(prev, next);
    prev = out[i]!;
  }
  return out;
}

const usable = (key: string | undefined): key is string =>
  key !== undefined && key !== '' && !key.endsWith('0');

/** Indexes of a longest increasing subsequence (by key then id, or by key alone when strict). */
function longestIncreasing(items: { id: string; key: string | undefined }[], ties: boolean): Set<number> {
  const less = (a: number, b: number) =>
    ties
      ? compareOrder(items[a] as { id: string; key: string }, items[b] as { id: string; key: string }) < 0
      : items[a]!.key! < items[b]!.key!;
  const tails: number[] = [];
  const parent = new Array<number>(items.length).fill(-1);
  for (let i = 0; i < items.length; i++) {
    if (!usable(items[i]!.key)) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (less(tails[mid]!, i)) lo = mid + 1;
      else hi = mid;
    }
    parent[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = parent[i]!) keep.add(i);
  return keep;
}
