import type { Decoration } from './decoration';

export interface TextPiece {
  type: 'text';
  start: number;
  end: number;
  /** Decorations covering the whole piece, outermost first (a stable order across pieces). */
  decorations: Decoration[];
}

export interface MarkerPiece<M> {
  type: 'marker';
  offset: number;
  marker: M;
}

export type Piece<M> = TextPiece | MarkerPiece<M>;

/**
 * Splits a text of `length` characters at every decoration boundary and every marker offset.
 * Each text piece lists the decorations covering it; markers come before the text at their
 * offset (a marker at `length` comes last). Ranges are clamped to the text; empty ones are dropped.
 */
export function splitIntoPieces<M extends { offset: number }>(
  length: number,
  decorations: readonly Decoration[],
  markers: readonly M[] = [],
): Piece<M>[] {
  const clamp = (n: number) => Math.max(0, Math.min(length, Math.trunc(n)));
  const ranges = decorations
    .map((d, index) => ({ d, index, start: clamp(d.start), end: clamp(d.end) }))
    .filter((r) => r.start < r.end)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);

  const cuts = new Set<number>([0, length]);
  for (const r of ranges) cuts.add(r.start).add(r.end);
  const sortedMarkers = markers
    .map((m, index) => ({ m, index, offset: clamp(m.offset) }))
    .sort((a, b) => a.offset - b.offset || a.index - b.index);
  for (const m of sortedMarkers) cuts.add(m.offset);
  const points = [...cuts].sort((a, b) => a - b);

  const pieces: Piece<M>[] = [];
  let mi = 0;
  for (let i = 0; i < points.length; i++) {
    const at = points[i] as number;
    while (mi < sortedMarkers.length && (sortedMarkers[mi] as { offset: number }).offset === at) {
      const m = sortedMarkers[mi++] as { m: M; offset: number };
      pieces.push({ type: 'marker', offset: m.offset, marker: m.m });
    }
    const next = points[i + 1];
    if (next === undefined) break;
    pieces.push({
      type: 'text',
      start: at,
      end: next,
      decorations: ranges.filter((r) => r.start <= at && r.end >= next).map((r) => r.d),
    });
  }
  return pieces;
}

/** The range of the run-in lead phrase in the text, with its closing `。` when present. */
export function leadRange(text: string, lead: string | null): { start: number; end: number } | null {
  if (!lead) return null;
  const start = text.indexOf(lead);
  if (start < 0) return null;
  let end = start + lead.length;
  if (/[。：:]/.test(text.charAt(end))) end += 1;
  return { start, end };
}
