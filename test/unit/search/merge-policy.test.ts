import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../electron/main/search/segment';
import { pickMergeGroup, type MergePart } from '../../../electron/main/search/segment-merge';

/** A segment of one unit per document, each `size` characters long; `alive` says which documents remain. */
function part(name: string, sizes: number[], alive: boolean[]): MergePart & { name: string } {
  const textStarts = [0];
  for (const n of sizes) textStarts.push(textStarts.at(-1)! + n);
  const segment = {
    count: sizes.length,
    docSlots: Uint32Array.from(sizes.map((_, i) => i)),
    textStarts: Uint32Array.from(textStarts),
    text: 'x'.repeat(textStarts.at(-1)!),
  } as unknown as Segment;
  return { name, segment, aliveDocs: Uint8Array.from(alive.map(Number)) };
}

const policy = { maxSegments: 3, deadShare: 0.3, budget: 1000 };
const names = (group: { name: string }[] | null) => group?.map((g) => g.name) ?? null;

describe('pickMergeGroup', () => {
  it('leaves a few healthy segments alone', () => {
    expect(pickMergeGroup([part('a', [100], [true]), part('b', [100], [true])], policy)).toBeNull();
  });

  it('rewrites a segment that is mostly dead, on its own', () => {
    const group = pickMergeGroup([part('a', [100], [true]), part('b', [50, 50], [true, false])], policy);
    expect(names(group)).toEqual(['b']);
  });

  it('merges the smallest segments once there are too many, within the budget', () => {
    const parts = [
      part('big', [900], [true]),
      part('s1', [10], [true]),
      part('s2', [20], [true]),
      part('s3', [30], [true]),
    ];
    expect(names(pickMergeGroup(parts, { ...policy, budget: 500 }))).toEqual(['s1', 's2', 's3']);
    expect(names(pickMergeGroup(parts, policy))).toEqual(['s1', 's2', 's3', 'big']);
    expect(names(pickMergeGroup(parts, { ...policy, budget: 25 }))).toEqual(['s1', 's2']);
  });
});
