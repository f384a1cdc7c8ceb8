/** Set operations on sorted lists of unit numbers. */

const EMPTY = new Uint32Array(0);

/** First index in `a[from..]` whose value is ≥ v, by galloping then binary search. */
function seek(a: Uint32Array, from: number, v: number): number {
  let step = 1;
  let hi = from;
  while (hi < a.length && a[hi]! < v) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, a.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (a[mid]! < v) from = mid + 1;
    else hi = mid;
  }
  return from;
}

export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Uint32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const v = a[i]!;
    j = seek(b, j, v);
    if (b[j] === v) out[n++] = v;
  }
  return out.subarray(0, n);
}

/** Units in every list (null entries are missing terms: nothing matches). */
export function intersectAll(lists: (Uint32Array | null)[]): Uint32Array {
  if (lists.some((l) => l === null)) return EMPTY;
  const sorted = (lists as Uint32Array[]).slice().sort((x, y) => x.length - y.length);
  let acc = sorted[0] ?? EMPTY;
  for (let i = 1; i < sorted.length && acc.length; i++) acc = intersect(acc, sorted[i]!);
  return acc;
}

export function union(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    const v = Math.min(x, y);
    out[n++] = v;
    if (x === v) i++;
    if (y === v) j++;
  }
  return out.subarray(0, n);
}
