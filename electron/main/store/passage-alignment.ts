/**
 * Pairs each passage of the previous edition with the passage that "is" it in the new edition:
 * identical passages by a longest common subsequence (so deletions and insertions shift nothing),
 * then the edited ones left in each gap by text similarity, keeping document order.
 */
const SIMILAR = 0.5;

export function alignPassages(previous: readonly string[], next: readonly string[]): number[] {
  const pairs = lcsPairs(previous, next);
  const result = new Array<number>(previous.length).fill(-1);
  for (const [i, j] of pairs) result[i] = j;

  // Gaps between consecutive identical pairs hold the edited passages.
  const bounds: [number, number][] = [[-1, -1], ...pairs, [previous.length, next.length]];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [i0, j0] = bounds[k]!;
    const [i1, j1] = bounds[k + 1]!;
    let from = j0 + 1;
    for (let i = i0 + 1; i < i1; i++) {
      let best = -1;
      let bestScore = SIMILAR;
      for (let j = from; j < j1; j++) {
        const score = similarity(previous[i]!, next[j]!);
        if (score >= bestScore) [best, bestScore] = [j, score];
      }
      if (best >= 0) {
        result[i] = best;
        from = best + 1;
      }
    }
  }
  return result;
}

function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  // Suffix-LCS lengths, row-major; reports have hundreds of passages, so n·m stays small.
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[at(i, j)] =
        a[i] === b[j] ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[at(i + 1, j)]! >= table[at(i, j + 1)]!) i++;
    else j++;
  }
  return pairs;
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigrams: 1 for equal texts, ~0 for unrelated ones. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
