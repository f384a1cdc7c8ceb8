import { describe, expect, it } from 'vitest';
import type { Decoration } from '../../../renderer/src/features/reader/model/decoration';
import { leadRange, splitIntoPieces, type Piece } from '../../../renderer/src/features/reader/model/segments';

const text = '硬核举措“防扩散”。设置970个卡口。';
const deco = (start: number, end: number, kind: string): Decoration => ({ start, end, kind });

/** Pieces as [start, end, kinds] / ['m', offset] for compact expectations. */
function shape(pieces: Piece<{ offset: number }>[]) {
  return pieces.map((p) =>
    p.type === 'text' ? [p.start, p.end, p.decorations.map((d) => d.kind).join('+')] : ['m', p.offset],
  );
}

describe('splitIntoPieces', () => {
  it('returns the whole text as one piece without decorations or markers', () => {
    expect(shape(splitIntoPieces(text.length, []))).toEqual([[0, text.length, '']]);
  });

  it('splits overlapping ranges at every boundary, outer (longer) decoration first', () => {
    const pieces = splitIntoPieces(20, [
      deco(5, 15, 'annotation'),
      deco(0, 10, 'lead'),
      deco(8, 12, 'search-hit'),
    ]);
    expect(shape(pieces)).toEqual([
      [0, 5, 'lead'],
      [5, 8, 'lead+annotation'],
      [8, 10, 'lead+annotation+search-hit'],
      [10, 12, 'annotation+search-hit'],
      [12, 15, 'annotation'],
      [15, 20, ''],
    ]);
    // The pieces tile the text exactly.
    const texts = pieces.filter((p) => p.type === 'text');
    expect(texts.map((p) => p.end - p.start).reduce((a, b) => a + b)).toBe(20);
  });

  it('nests a range that starts at the same place inside the longer one', () => {
    const pieces = splitIntoPieces(10, [deco(2, 4, 'inner'), deco(2, 8, 'outer')]);
    expect(shape(pieces)).toEqual([
      [0, 2, ''],
      [2, 4, 'outer+inner'],
      [4, 8, 'outer'],
      [8, 10, ''],
    ]);
  });

  it('puts markers before the text at their offset, at the end when offset = length, in order', () => {
    const markers = [
      { offset: 10, n: 2 },
      { offset: 4, n: 1 },
      { offset: 10, n: 3 },
    ];
    const pieces = splitIntoPieces(10, [deco(2, 6, 'annotation')], markers);
    expect(shape(pieces)).toEqual([
      [0, 2, ''],
      [2, 4, 'annotation'],
      ['m', 4],
      [4, 6, 'annotation'],
      [6, 10, ''],
      ['m', 10],
      ['m', 10],
    ]);
    expect(
      pieces.filter((p) => p.type === 'marker').map((p) => (p.type === 'marker' ? p.marker.n : 0)),
    ).toEqual([1, 2, 3]);
  });

  it('clamps ranges to the text and drops empty or inverted ones', () => {
    const pieces = splitIntoPieces(6, [
      deco(-3, 2, 'a'),
      deco(4, 99, 'b'),
      deco(3, 3, 'empty'),
      deco(5, 1, 'inverted'),
    ]);
    expect(shape(pieces)).toEqual([
      [0, 2, 'a'],
      [2, 4, ''],
      [4, 6, 'b'],
    ]);
  });

  it('handles an empty text', () => {
    expect(splitIntoPieces(0, [deco(0, 3, 'a')], [{ offset: 0 }])).toEqual([
      { type: 'marker', offset: 0, marker: { offset: 0 } },
    ]);
  });
});

describe('leadRange', () => {
  it('covers the lead phrase with its closing 。', () => {
    expect(leadRange(text, '硬核举措“防扩散”')).toEqual({ start: 0, end: 10 });
    expect(text.slice(0, 10)).toBe('硬核举措“防扩散”。');
  });

  it('covers the lead alone when no stop follows, and nothing when there is no lead', () => {
    expect(leadRange('坚持改革开放推动发展', '坚持改革开放')).toEqual({ start: 0, end: 6 });
    expect(leadRange(text, null)).toBeNull();
    expect(leadRange(text, '不在文中')).toBeNull();
  });
});
