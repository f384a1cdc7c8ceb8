export interface ApproxMatch {
  start: number;
  end: number;
  distance: number;
}

/**
 * Every place where `pattern` occurs in `text` with at most `maxErrors` edits (Sellers' algorithm:
 * edit distance against any substring), best first, overlapping candidates reduced to the best.
 */
export function approximateMatches(pattern: string, text: string, maxErrors: number): ApproxMatch[] {
  const m = pattern.length;
  const n = text.length;
  if (!m || !n) return [];
  let prev = new Uint32Array(n + 1);
  let cur = new Uint32Array(n + 1);
  let prevStart = new Uint32Array(n + 1);
  let curStart = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) prevStart[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    curStart[0] = 0;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const diagonal = prev[j - 1]! + (pc === text.charCodeAt(j - 1) ? 0 : 1);
      const skipPattern = prev[j]! + 1;
      const skipText = cur[j - 1]! + 1;
      if (diagonal <= skipPattern && diagonal <= skipText) {
        cur[j] = diagonal;
        curStart[j] = prevStart[j - 1]!;
      } else if (skipPattern <= skipText) {
        cur[j] = skipPattern;
        curStart[j] = prevStart[j]!;
      } else {
        cur[j] = skipText;
        curStart[j] = curStart[j - 1]!;
      }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  const found: ApproxMatch[] = [];
  for (let j = 1; j <= n; j++)
    if (prev[j]! <= maxErrors) found.push({ start: prevStart[j]!, end: j, distance: prev[j]! });
  // Best first (fewest edits, then the length closest to the pattern); drop what overlaps a better one.
  found.sort(
    (a, b) => a.distance - b.distance || Math.abs(a.end - a.start - m) - Math.abs(b.end - b.start - m),
  );
  const kept: ApproxMatch[] = [];
  for (const f of found)
    if (f.end > f.start && kept.every((k) => f.end <= k.start || f.start >= k.end)) kept.push(f);
  return kept;
}

/** Share of the pattern's character bigrams present in the text: a cheap filter before the DP. */
export function bigramContainment(pattern: string, text: string): number {
  if (pattern.length < 2) return text.includes(pattern) ? 1 : 0;
  let present = 0;
  for (let i = 0; i + 1 < pattern.length; i++) if (text.includes(pattern.slice(i, i + 2))) present++;
  return present / (pattern.length - 1);
}
