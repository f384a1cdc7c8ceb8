import { describe, expect, it } from 'vitest';
import type { Decoration } from '../../../renderer/src/features/reader/model/decoration';
import { mergeDecorations } from '../../../renderer/src/features/reader/model/merge-decorations';

const lead: Decoration = { start: 0, end: 5, kind: 'lead' };
const hit = (start: number): Decoration => ({
  start,
  end: start + 2,
  kind: 'search-hit',
  data: { q: '引资' },
});

describe('mergeDecorations', () => {
  it('joins every source per passage and adds the focus range last', () => {
    const merged = mergeDecorations(
      [
        new Map([['p1', [lead]]]),
        new Map([
          ['p1', [hit(3)]],
          ['p2', [hit(0)]],
        ]),
      ],
      { passageId: 'p2', range: { start: 4, end: 6 } },
    );
    expect(merged.get('p1')).toEqual([lead, hit(3)]);
    expect(merged.get('p2')).toEqual([hit(0), { start: 4, end: 6, kind: 'focus' }]);
    expect(merged.has('p3')).toBe(false);
  });

  it('keeps the previous array of a passage whose decorations are equal, so it is not redrawn', () => {
    const first = mergeDecorations([new Map([['p1', [lead]]]), new Map([['p2', [hit(0)]]])], null);
    // A source recomputed its decorations: new objects, same content for p2, a change for p1.
    const second = mergeDecorations(
      [new Map([['p1', [lead, hit(8)]]]), new Map([['p2', [hit(0)]]])],
      null,
      first,
    );
    expect(second.get('p2')).toBe(first.get('p2'));
    expect(second.get('p1')).not.toBe(first.get('p1'));
    expect(second.get('p1')).toEqual([lead, hit(8)]);
    // Different data is a change too.
    const third = mergeDecorations([new Map([['p2', [{ ...hit(0), data: { q: '两岸' } }]]])], null, second);
    expect(third.get('p2')).not.toBe(second.get('p2'));
  });
});
