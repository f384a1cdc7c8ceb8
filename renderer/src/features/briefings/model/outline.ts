import type { BriefingItem, HeadingLevel } from '../../../../../shared/domain/briefings';

/** What a key press on an outline item asks for, or null for keys the outline does not own. */
export type OutlineCommand = 'up' | 'down' | 'indent' | 'outdent';

export function outlineCommand(
  e: { key: string; altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean },
  kind: BriefingItem['kind'],
): OutlineCommand | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.altKey && !e.shiftKey) {
    if (e.key === 'ArrowUp') return 'up';
    if (e.key === 'ArrowDown') return 'down';
    if (e.key === 'ArrowRight' && kind === 'heading') return 'indent';
    if (e.key === 'ArrowLeft' && kind === 'heading') return 'outdent';
  }
  // Not Tab: it must keep moving focus through the outline and its buttons (no keyboard trap).
  return null;
}

/** The position a move by `delta` goes to, or null at either end. */
export function movedIndex(index: number, delta: -1 | 1, length: number): number | null {
  const to = index + delta;
  return to < 0 || to >= length ? null : to;
}

/** A heading one level deeper (indent) or higher (outdent); null when already at the limit. */
export function shiftedLevel(level: HeadingLevel, command: 'indent' | 'outdent'): HeadingLevel | null {
  const next = level + (command === 'indent' ? 1 : -1);
  return next < 1 || next > 3 ? null : (next as HeadingLevel);
}

export interface MarkedRun {
  text: string;
  start: number;
  end: number;
  /** Indexes of the marks covering the run, in the order given (the last is drawn on top). */
  marks: number[];
}

/** Splits an excerpt's text at its marks' boundaries, for drawing highlights and note numbers. */
export function markedRuns(text: string, marks: readonly { start: number; end: number }[]): MarkedRun[] {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.min(Math.max(m.start, 0), text.length));
    cuts.add(Math.min(Math.max(m.end, 0), text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: MarkedRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const covering = marks.flatMap((m, k) => (m.start <= from && m.end >= to ? [k] : []));
    runs.push({ text: text.slice(from, to), start: from, end: to, marks: covering });
  }
  return runs;
}
