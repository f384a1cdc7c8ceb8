import { describe, expect, it } from 'vitest';
import type { DocumentComparison, SentenceChange } from '../../../shared/domain/compare';
import type { DocumentBundle } from '../../../shared/domain/library';
import {
  buildRows,
  changeDecorations,
  changeStops,
  nextStop,
} from '../../../renderer/src/features/compare/model/compare-view';
import { changeExcerpts } from '../../../renderer/src/features/compare/model/excerpts';

const change = (over: Partial<SentenceChange>): SentenceChange => ({
  kind: 'changed',
  a: null,
  b: null,
  aDiff: null,
  bDiff: null,
  ...over,
});

describe('compare view model', () => {
  it('marks a changed sentence, and its differing middle only when that is a small part of it', () => {
    const small = change({ a: [0, 20], b: [0, 20], aDiff: [8, 9], bDiff: [8, 10] });
    const rewritten = change({ a: [20, 30], b: [20, 32], aDiff: [21, 30], bDiff: [21, 32] });
    const added = change({ kind: 'added', b: [32, 40] });
    expect(changeDecorations([small, rewritten, added], 'a')).toEqual([
      { start: 0, end: 20, kind: 'compare-changed' },
      { start: 8, end: 9, kind: 'compare-diff' },
      { start: 20, end: 30, kind: 'compare-changed' },
    ]);
    expect(changeDecorations([small, rewritten, added], 'b').map((d) => d.kind)).toEqual([
      'compare-changed',
      'compare-diff',
      'compare-changed',
      'compare-added',
    ]);
  });

  it('builds rows in reading order; a heading that differs only by its year is not retitled', () => {
    const section = (id: string, title: string) => ({
      id,
      parentId: null,
      level: 1,
      label: '一',
      title,
      ordinal: 0,
    });
    const passage = (id: string, sectionId: string, text: string) => ({
      id,
      sectionId,
      ordinal: 0,
      lead: null,
      text,
      kind: 'body' as const,
    });
    const A = {
      sections: [section('sa', '2023年工作回顾'), section('sx', '专项工作')],
      passages: [passage('pa', 'sa', '甲。'), passage('px', 'sx', '乙。')],
    } as DocumentBundle;
    const B = {
      sections: [section('sb', '2024年工作回顾')],
      passages: [passage('pb', 'sb', '甲。')],
    } as DocumentBundle;
    const pair = (a: string | null, b: string | null) => ({ a, b, similarity: a && b ? 1 : 0, changes: [] });
    const comparison = {
      preamble: [],
      sections: [
        { a: 'sa', b: 'sb', similarity: 0.9, moved: false, depth: 0, passages: [pair('pa', 'pb')] },
        { a: 'sx', b: null, similarity: 0, moved: false, depth: 0, passages: [pair('px', null)] },
      ],
    } as unknown as DocumentComparison;
    const rows = buildRows(comparison, A, B);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['section', 'same'],
      ['passage', 'same'],
      ['section', 'removed'],
      ['passage', 'removed'],
    ]);
    expect(changeStops(rows)).toEqual([2, 3]);
  });

  it('steps to the next and previous change, stopping at the ends', () => {
    const stops = [2, 5, 9];
    expect(nextStop(stops, -1, 1)).toBe(2);
    expect(nextStop(stops, 2, 1)).toBe(5);
    expect(nextStop(stops, 9, 1)).toBeNull();
    expect(nextStop(stops, 5, -1)).toBe(2);
    expect(nextStop(stops, 2, -1)).toBeNull();
    expect(nextStop([], -1, 1)).toBeNull();
  });
});

describe('changeExcerpts', () => {
  it('cites changed sentences in the newer wording, removed ones in the older, phrases where they stand', () => {
    const c = {
      a: { id: 'docA' },
      b: { id: 'docB' },
      newer: 'b',
      preamble: [],
      sections: [
        {
          passages: [
            {
              a: 'pa',
              b: 'pb',
              changes: [
                change({ a: [0, 5], b: [0, 6] }),
                change({ kind: 'removed', a: [5, 9] }),
                change({ kind: 'added', b: [6, 12] }),
              ],
            },
          ],
        },
      ],
      newPhrases: [{ phrase: '两重', passageId: 'pb', range: [1, 3] }],
      droppedPhrases: [{ phrase: '新三样', passageId: null, range: null }],
    } as unknown as DocumentComparison;
    expect(changeExcerpts(c)).toEqual([
      { kind: 'changed', docId: 'docB', passageId: 'pb', range: [0, 6] },
      { kind: 'removed', docId: 'docA', passageId: 'pa', range: [5, 9] },
      { kind: 'added', docId: 'docB', passageId: 'pb', range: [6, 12] },
      { kind: 'new-phrase', docId: 'docB', passageId: 'pb', range: [1, 3] },
    ]);
  });
});
