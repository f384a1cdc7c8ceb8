/**
 * The compare screen's rows, from a comparison and the two documents: one row per aligned section
 * heading and per aligned passage, each side with the decorations that mark its changed sentences.
 * Pure (no React, no DOM) so the logic is tested on its own.
 */
import type { DocumentComparison, PassagePair, SentenceChange } from '../../../../../shared/domain/compare';
import type { DocumentBundle, Passage, Section } from '../../../../../shared/domain/library';
import type { Decoration } from '../../reader/model/decoration';

/** Above this share of its sentence, a changed middle is not marked apart: the sentence is rewritten. */
const DIFF_SHARE = 0.6;

/** A heading without its years: `2023年工作回顾` and `2024年工作回顾` are the same heading. */
const headingKey = (title: string) => title.replace(/[0-9０-９]+\s*年?/gu, '').trim();

export type RowStatus = 'same' | 'changed' | 'added' | 'removed' | 'moved';

interface RowBase {
  key: string;
  status: RowStatus;
  depth: number;
}

export interface SectionRow extends RowBase {
  kind: 'section';
  a: Section | null;
  b: Section | null;
  similarity: number;
}

export interface PassageRow extends RowBase {
  kind: 'passage';
  a: Passage | null;
  b: Passage | null;
  similarity: number;
  changes: SentenceChange[];
  decorationsA: Decoration[];
  decorationsB: Decoration[];
}

export type CompareRow = SectionRow | PassageRow;

/** Decorations of one side: each changed/added/removed sentence, and the differing middle of a reworded one. */
export function changeDecorations(changes: readonly SentenceChange[], side: 'a' | 'b'): Decoration[] {
  const out: Decoration[] = [];
  for (const change of changes) {
    const range = change[side];
    if (!range) continue;
    out.push({ start: range[0], end: range[1], kind: `compare-${change.kind}` });
    // The differing middle helps only when it is a small part of the sentence (a figure, a word).
    const diff = side === 'a' ? change.aDiff : change.bDiff;
    if (diff && diff[1] > diff[0] && diff[1] - diff[0] <= DIFF_SHARE * (range[1] - range[0]))
      out.push({ start: diff[0], end: diff[1], kind: 'compare-diff' });
  }
  return out;
}

function leadDecoration(passage: Passage | null): Decoration[] {
  if (!passage?.lead || !passage.text.startsWith(passage.lead)) return [];
  return [{ start: 0, end: passage.lead.length, kind: 'lead' }];
}

function passageRow(
  pair: PassagePair,
  depth: number,
  A: Map<string, Passage>,
  B: Map<string, Passage>,
): PassageRow {
  const a = pair.a ? (A.get(pair.a) ?? null) : null;
  const b = pair.b ? (B.get(pair.b) ?? null) : null;
  const status: RowStatus = !a ? 'added' : !b ? 'removed' : pair.changes.length ? 'changed' : 'same';
  return {
    kind: 'passage',
    key: `p:${pair.a ?? ''}:${pair.b ?? ''}`,
    status,
    depth,
    a,
    b,
    similarity: pair.similarity,
    changes: pair.changes,
    decorationsA: [...leadDecoration(a), ...changeDecorations(pair.changes, 'a')],
    decorationsB: [...leadDecoration(b), ...changeDecorations(pair.changes, 'b')],
  };
}

export function buildRows(
  c: DocumentComparison,
  bundleA: DocumentBundle,
  bundleB: DocumentBundle,
): CompareRow[] {
  const sectionsA = new Map(bundleA.sections.map((s) => [s.id, s]));
  const sectionsB = new Map(bundleB.sections.map((s) => [s.id, s]));
  const passagesA = new Map(bundleA.passages.map((p) => [p.id, p]));
  const passagesB = new Map(bundleB.passages.map((p) => [p.id, p]));
  const rows: CompareRow[] = c.preamble.map((pair) => passageRow(pair, 0, passagesA, passagesB));
  for (const s of c.sections) {
    const a = s.a ? (sectionsA.get(s.a) ?? null) : null;
    const b = s.b ? (sectionsB.get(s.b) ?? null) : null;
    const renamed = a && b && headingKey(a.title) !== headingKey(b.title);
    rows.push({
      kind: 'section',
      key: `s:${s.a ?? ''}:${s.b ?? ''}`,
      status: !a ? 'added' : !b ? 'removed' : s.moved ? 'moved' : renamed ? 'changed' : 'same',
      depth: s.depth,
      a,
      b,
      similarity: s.similarity,
    });
    for (const pair of s.passages) rows.push(passageRow(pair, s.depth, passagesA, passagesB));
  }
  return rows;
}

/** Indexes of the rows `n` / `p` stop at: everything that is not the same on both sides. */
export const changeStops = (rows: readonly CompareRow[]): number[] =>
  rows.flatMap((row, index) => (row.status === 'same' ? [] : [index]));

/** The next (`step` 1) or previous (-1) stop from the row at `current` (-1 = before the first). */
export function nextStop(stops: readonly number[], current: number, step: 1 | -1): number | null {
  if (!stops.length) return null;
  if (step === 1) return stops.find((s) => s > current) ?? null;
  for (let k = stops.length - 1; k >= 0; k--) if (stops[k]! < current) return stops[k]!;
  return null;
}

export interface CompareCounts {
  paired: number;
  added: number;
  removed: number;
  changedSentences: number;
}

export function countChanges(c: DocumentComparison): CompareCounts {
  const pairs = [...c.preamble, ...c.sections.flatMap((s) => s.passages)];
  return {
    paired: c.sections.filter((s) => s.a && s.b).length,
    added: c.sections.filter((s) => !s.a).length,
    removed: c.sections.filter((s) => !s.b).length,
    changedSentences: pairs.reduce((n, p) => n + p.changes.length, 0),
  };
}
