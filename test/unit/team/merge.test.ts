import { describe, expect, it } from 'vitest';
import { canonical, mergeObject } from '../../../electron/main/team/merge';
import { assignKeys, compareOrder, keyBetween } from '../../../electron/main/team/order-keys';

describe('three-way merge of one synced object', () => {
  const base = { color: 'yellow', note: 'a', tags: ['x', 'y'] };

  it('takes each side’s changes to different fields', () => {
    const r = mergeObject(base, { ...base, color: 'red' }, { ...base, note: 'b' });
    expect(r).toEqual({ merged: { color: 'red', note: 'b', tags: ['x', 'y'] }, conflicts: [] });
  });

  it('merges tags as sets: an add and a remove on both sides all stand', () => {
    const r = mergeObject(base, { ...base, tags: ['x', 'y', 'z'] }, { ...base, tags: ['y', 'w'] });
    expect(r.conflicts).toEqual([]);
    expect(r.merged!['tags']).toEqual(['w', 'y', 'z']);
  });

  it('lists the same field changed differently, keeping the hub’s value meanwhile', () => {
    const r = mergeObject(base, { ...base, note: 'mine' }, { ...base, note: 'theirs', color: 'red' });
    expect(r.conflicts).toEqual(['note']);
    expect(r.merged).toEqual({ color: 'red', note: 'theirs', tags: ['x', 'y'] });
  });

  it('collapses equal changes and merges nested records per key', () => {
    expect(mergeObject(base, { ...base, note: 'same' }, { ...base, note: 'same' }).conflicts).toEqual([]);
    const b = { documentId: 'd1', fields: { title: 'T', year: 2020 } };
    const r = mergeObject(
      b,
      { ...b, fields: { title: 'T2', year: 2020 } },
      { ...b, fields: { title: 'T', year: 2021 } },
    );
    expect(r).toEqual({ merged: { documentId: 'd1', fields: { title: 'T2', year: 2021 } }, conflicts: [] });
    const c = mergeObject(
      b,
      { ...b, fields: { title: 'A', year: 2020 } },
      { ...b, fields: { title: 'B', year: 2020 } },
    );
    expect(c.conflicts).toEqual(['fields.title']);
  });

  it('an edit against a delete is a conflict, never a silent loss', () => {
    expect(mergeObject(base, null, { ...base, note: 'edited' })).toEqual({
      merged: { ...base, note: 'edited' },
      conflicts: ['*'],
    });
    expect(mergeObject(base, { ...base, note: 'edited' }, null)).toEqual({ merged: null, conflicts: ['*'] });
    expect(mergeObject(base, base, null)).toEqual({ merged: null, conflicts: [] });
  });

  it('is symmetric up to which side wins a conflict, and idempotent', () => {
    const l = { ...base, color: 'red', tags: ['x'] };
    const r = { ...base, note: 'n', tags: ['x', 'y', 'q'] };
    const lr = mergeObject(base, l, r).merged;
    const rl = mergeObject(base, r, l).merged;
    expect(canonical(lr)).toBe(canonical(rl));
    expect(canonical(mergeObject(base, lr, lr).merged)).toBe(canonical(lr));
  });
});

describe('fractional order keys', () => {
  it('always finds a key strictly between two keys', () => {
    let lo = '';
    let hi: string | null = null;
    // Repeated inserts at both ends and in the middle stay strictly ordered.
    for (let i = 0; i < 200; i++) {
      const k = keyBetween(lo, hi);
      expect(k > lo).toBe(true);
      if (hi !== null) expect(k < hi).toBe(true);
      if (i % 2) lo = k;
      else hi = k;
    }
  });

  it('keeps the keys of items still in order and re-keys only what moved', () => {
    const keys = assignKeys([
      { id: 'a', key: undefined },
      { id: 'b', key: undefined },
      { id: 'c', key: undefined },
    ]);
    expect([...keys].sort()).toEqual(keys);
    // Move the last item to the front.
    const moved = assignKeys([
      { id: 'c', key: keys[2] },
      { id: 'a', key: keys[0] },
      { id: 'b', key: keys[1] },
    ]);
    expect(moved[1]).toBe(keys[0]);
    expect(moved[2]).toBe(keys[1]);
    expect(moved[0]! < moved[1]!).toBe(true);
  });

  it('orders ties by id', () => {
    const list = [
      { key: 'V', id: 'b' },
      { key: 'V', id: 'a' },
      { key: 'U', id: 'z' },
    ].sort(compareOrder);
    expect(list.map((x) => x.id)).toEqual(['z', 'a', 'b']);
  });
});
