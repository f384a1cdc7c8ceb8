import { describe, expect, it } from 'vitest';
import type { SearchResultItem } from '../../../shared/domain/search';
import { composeQuery, remember, toggle } from '../../../renderer/src/features/search/model/query';
import {
  groupRows,
  highlightParts,
  layoutRows,
  ROW_HEIGHT,
  scrollToShow,
  visibleRange,
} from '../../../renderer/src/features/search/model/rows';

const hit = (docId: string, recordId: string): SearchResultItem => ({
  kind: 'passage',
  docId,
  passageId: recordId,
  recordId,
  field: 'text',
  score: 1,
  ranges: [[0, 2]],
  docTitle: `《${docId}》`,
  year: 2021,
  citation: '',
  label: null,
  snippet: { text: '', ranges: [], before: false, after: false },
});

describe('the overlay’s query', () => {
  it('adds chip filters to the typed text, one filter per group', () => {
    expect(composeQuery(' 两岸 ', { kinds: ['passage', 'glossary'], years: [2021], docs: ['d1'] })).toBe(
      '两岸 kind:passage,glossary year:2021 doc:d1',
    );
    expect(composeQuery('两岸', { kinds: [], years: [], docs: [] })).toBe('两岸');
    expect(toggle(toggle([1], 2), 1)).toEqual([2]);
  });

  it('keeps twenty recent queries, newest first, each once', () => {
    let h: string[] = [];
    for (let i = 0; i < 25; i++) h = remember(h, `q${i}`);
    h = remember(h, 'q10');
    expect(h).toHaveLength(20);
    expect(h.slice(0, 2)).toEqual(['q10', 'q24']);
    expect(remember(h, '  ')).toEqual(h);
  });
});

describe('the result list', () => {
  const rows = groupRows([hit('a', 'a1'), hit('b', 'b1'), hit('a', 'a2')], new Map([['a', 7]]));

  it('groups hits under their document, documents in order of their best hit', () => {
    expect(
      rows.map((r) => (r.type === 'doc' ? `${r.docId}:${r.count}` : `${r.hit.recordId}#${r.index}`)),
    ).toEqual(['a:7', 'a1#0', 'a2#1', 'b:1', 'b1#2']);
  });

  it('draws only the rows in view and scrolls a selected hit fully into view', () => {
    const many = groupRows(
      Array.from({ length: 1000 }, (_, i) => hit(`d${Math.floor(i / 10)}`, `p${i}`)),
      new Map(),
    );
    const layout = layoutRows(many);
    expect(layout.tops.at(-1)).toBe(100 * ROW_HEIGHT.doc + 1000 * ROW_HEIGHT.hit);
    const [from, to] = visibleRange(layout, 50_000, 600);
    expect(to - from).toBeLessThan(20);
    expect(layout.tops[from]!).toBeLessThanOrEqual(50_000);
    expect(layout.tops[to]!).toBeGreaterThanOrEqual(50_600);
    const row = layout.rowOfHit[500]!;
    const top = scrollToShow(layout, row, 0, 600);
    expect(top + 600).toBe(layout.tops[row + 1]);
    expect(scrollToShow(layout, row, top, 600)).toBe(top);
  });

  it('cuts a snippet into plain and highlighted pieces', () => {
    expect(highlightParts('招商引资再创新高', [[2, 4]])).toEqual([
      { text: '招商', hit: false },
      { text: '引资', hit: true },
      { text: '再创新高', hit: false },
    ]);
  });
});
