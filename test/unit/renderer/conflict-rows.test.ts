import { describe, expect, it } from 'vitest';
import { conflictRows } from '../../../renderer/src/features/team/model/conflict-rows';

describe('a conflict’s two versions, read across', () => {
  const local = {
    briefingId: 'f264e81a',
    orderKey: 'l',
    level: 1,
    type: 'note',
    payload: { text: '张三改1', documentId: null, quote: null, tags: [] },
  };
  const remote = {
    briefingId: 'f264e81a',
    orderKey: 'l',
    level: 2,
    type: 'note',
    payload: { text: '李四改1', documentId: null, quote: null, tags: [], source: '' },
  };

  it('shows both sides the same rows in one order: the clash, then what differs, then the rest', () => {
    expect(conflictRows(local, remote, ['payload.text'])).toEqual(['payload.text', 'level', 'type']);
  });

  it('leaves out ids, order keys and fields empty on both sides, unless they are the clash', () => {
    const rows = conflictRows(local, remote, ['orderKey']);
    expect(rows[0]).toBe('orderKey');
    expect(rows).not.toContain('briefingId');
    expect(rows).not.toContain('payload.quote');
    expect(rows).not.toContain('payload.source');
  });

  it('shows a deleted side’s fields from the other side, every field for a whole-object clash', () => {
    expect(conflictRows(null, remote, ['*'])).toContain('briefingId');
    expect(conflictRows(local, null, ['*'])[0]).toBe('briefingId');
  });
});
