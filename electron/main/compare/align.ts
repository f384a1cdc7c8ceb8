/**
 * Monotone alignment of two sequences (sections, passages, sentences): the order-preserving
 * one-to-one pairing that maximises the summed similarity above a threshold; whatever is left
 * unpaired is added or removed. Needleman–Wunsch shaped, with a diagonal band once n × m exceeds
 * a cell budget, so that the work (and the memory) stays bounded on huge inputs.
 */

/** One step of an alignment in reading order: both indexes = a pair, one null = an unpaired item. */
export interface AlignStep {
  i: number | null;
  j: number | null;
  similarity: number;
}

export interface Alignment {
  steps: AlignStep[];
  /** True when the band was narrower than the full matrix. */
  banded: boolean;
}

const SKIP_A = 1;
const SKIP_B = 2;
const PAIR = 3;

/** Larger sequences are refused rather than aligned: callers cap their input first. */
export const MAX_ALIGN_ITEMS = 4000;

export function alignSequences(
  n: number,
  m: number,
  similarity: (i: number, j: number) => number,
  threshold: number,
  maxCells = 250_000,
): Alignment {
  if (n > MAX_ALIGN_ITEMS || m > MAX_ALIGN_ITEMS)
    throw new RangeError(`alignment of ${n} × ${m} items exceeds the cap of ${MAX_ALIGN_ITEMS}`);
  const full = (n + 1) * (m + 1) <= maxCells;
  // Half-width of the band around the diagonal; wide enough that neighbouring rows overlap.
  const width = full ? m : Math.max(Math.ceil(m / Math.max(n, 1)) + 1, Math.floor(maxCells / (n + 1) / 2));
  const lo = (i: number) => (full ? 0 : Math.max(0, Math.round((i * m) / Math.max(n, 1)) - width));
  const hi = (i: number) => (full ? m : Math.min(m, Math.round((i * m) / Math.max(n, 1)) + width));
  // Only the band is stored: row i holds columns lo(i)…hi(i) at i × stride.
  const stride = full ? m + 1 : 2 * width + 1;
  const score = new Float64Array((n + 1) * stride).fill(-Infinity);
  const move = new Uint8Array((n + 1) * stride);
  const sims = new Float32Array((n + 1) * stride);
  const cell = (i: number, j: number) => (j < lo(i) || j > hi(i) ? -1 : i * stride + j - lo(i));
  const scoreAt = (i: number, j: number) => {
    const at = cell(i, j);
    return at < 0 ? -Infinity : score[at]!;
  };
  for (let i = 0; i <= n; i++) {
    for (let j = lo(i); j <= hi(i); j++) {
      const at = cell(i, j);
      if (i === 0 && j === 0) {
        score[at] = 0;
        continue;
      }
      let best = -Infinity;
      let how = 0;
      // On a tie the B-only item is taken last, so in reading order what A loses comes before what B adds.
      if (j > 0 && scoreAt(i, j - 1) > best) {
        best = scoreAt(i, j - 1);
        how = SKIP_B;
      }
      if (i > 0 && scoreAt(i - 1, j) > best) {
        best = scoreAt(i - 1, j);
        how = SKIP_A;
      }
      const diagonal = i > 0 && j > 0 ? scoreAt(i - 1, j - 1) : -Infinity;
      if (diagonal > -Infinity) {
        const s = similarity(i - 1, j - 1);
        const gain = diagonal + (s - threshold) + 1e-9;
        if (s >= threshold && gain > best) {
          best = gain;
          how = PAIR;
          sims[at] = s;
        }
      }
      score[at] = best;
      move[at] = how;
    }
  }
  const steps: AlignStep[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const at = cell(i, j);
    const how = move[at];
    if (how === PAIR) {
      steps.push({ i: i - 1, j: j - 1, similarity: sims[at]! });
      i--;
      j--;
    } else if (how === SKIP_A) {
      steps.push({ i: i - 1, j: null, similarity: 0 });
      i--;
    } else {
      steps.push({ i: null, j: j - 1, similarity: 0 });
      j--;
    }
  }
  steps.reverse();
  return { steps, banded: !full };
}
