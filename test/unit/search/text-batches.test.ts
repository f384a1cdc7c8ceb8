import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../../electron/main/search/segment-build';
import { textBatches } from '../../../electron/main/search/text-batches';

const ids = Array.from({ length: 120 }, (_, i) => `d${i}`);
const sizes = new Map(ids.map((id, i) => [id, 100 + (i % 7) * 10]));
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
const sizeOf = (batch: string[]) => batch.reduce((n, id) => n + sizes.get(id)!, 0);

describe('textBatches', () => {
  it('keeps every document once, in order, each batch within the budget', () => {
    const batches = runToEnd(textBatches(ids, (id) => sizes.get(id)!, 1000));
    expect(batches.flat()).toEqual(ids);
    for (const b of batches) expect(sizeOf(b)).toBeLessThanOrEqual(1000);
    // Full batches: the next document would not have fitted.
    batches.slice(0, -1).forEach((b, i) => expect(sizeOf(b) + sizes.get(batches[i + 1]![0]!)!).toBeGreaterThan(1000));
  });

  it('sizes batches to the total text when the budget depends on it (a rebuild)', () => {
    let seen = -1;
    const batches = runToEnd(
      textBatches(ids, (id) => sizes.get(id)!, (all) => ((seen = all), Math.ceil(all / 4))),
    );
    expect(seen).toBe(total);
    expect(batches.flat()).toEqual(ids);
    expect(batches.length).toBeGreaterThanOrEqual(4);
    expect(batches.length).toBeLessThanOrEqual(5);
    for (const b of batches) expect(sizeOf(b)).toBeLessThanOrEqual(Math.ceil(total / 4));
  });

  it('gives a document larger than the budget a batch of its own', () => {
    const big = (id: string) => (id === 'd3' ? 5000 : 100);
    const batches = runToEnd(textBatches(ids.slice(0, 8), big, 1000));
    expect(batches).toContainEqual(['d3']);
  });
});
