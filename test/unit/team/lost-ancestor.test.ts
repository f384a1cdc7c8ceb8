import { describe, expect, it } from 'vitest';
import { ancestorMark, lostAncestor } from '../../../electron/main/team/restores';
import type { BaseCopy, LostCopy } from '../../../electron/main/team/team-bases';

/**
 * Which copy two sides of an object share after a hub restore (restores.ts `lostAncestor`): the
 * lost copy this desktop keeps, when the hub's copy was made from it or from a later copy of the
 * same lost history; an earlier lost copy only when the hub's copy is that copy unchanged.
 */
const EPOCH = '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const copy = (version: number, note: string): LostCopy => ({ epoch: EPOCH, version, data: { note } });
const base = (ancestor: LostCopy | null): BaseCopy => ({
  kind: 'annotation',
  id: 'a1',
  version: 0,
  deleted: false,
  data: ancestor?.data ?? null,
  authorId: null,
  authorName: null,
  applied: true,
  ancestor,
});
const remote = (data: Record<string, unknown> | null, ancestor?: string) => ({
  deleted: data === null,
  data,
  ...(ancestor ? { ancestor } : {}),
});

describe('the common copy of a lost history', () => {
  const mine = copy(12, '第二稿');

  it('is my lost copy when the hub holds a change made from it or from a later lost copy', () => {
    expect(lostAncestor(base(mine), remote({ note: '他人改' }, ancestorMark(mine)))).toBe(mine);
    expect(lostAncestor(base(mine), remote({ note: '他人改' }, ancestorMark(copy(15, '第三稿'))))).toBe(mine);
  });

  it('is an earlier lost copy only when the hub holds it unchanged', () => {
    const earlier = copy(9, '初稿');
    expect(lostAncestor(base(mine), remote({ note: '初稿' }, ancestorMark(earlier)))).toEqual({
      data: { note: '初稿' },
    });
    expect(lostAncestor(base(mine), remote({ note: '初稿，又改' }, ancestorMark(earlier)))).toBeUndefined();
  });

  it('is unknown across epochs, without a mark, or without a lost copy here', () => {
    const otherEpoch = { ...copy(15, '第三稿'), epoch: 'aaaaaaaa-4b5a-4968-8776-a5b4c3d2e1f0' };
    expect(lostAncestor(base(mine), remote({ note: 'x' }, ancestorMark(otherEpoch)))).toBeUndefined();
    expect(lostAncestor(base(mine), remote({ note: 'x' }))).toBeUndefined();
    expect(lostAncestor(base(null), remote({ note: 'x' }, ancestorMark(mine)))).toBeUndefined();
    expect(lostAncestor(undefined, remote({ note: 'x' }, ancestorMark(mine)))).toBeUndefined();
  });

  it('names a deleted lost copy too (a delete offered again after the restore)', () => {
    const gone: LostCopy = { epoch: EPOCH, version: 12, data: null };
    expect(ancestorMark(gone)).toMatch(/^0f1e2d3c\.12\.[0-9a-f]{32}$/);
    expect(ancestorMark(gone)).not.toBe(ancestorMark(mine));
    expect(lostAncestor(base(gone), remote(null, ancestorMark(gone)))).toBe(gone);
  });
});
