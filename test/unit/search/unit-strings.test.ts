import { describe, expect, it } from 'vitest';
import { UnitStrings } from '../../../electron/main/search/unit-strings';

describe('per-unit strings of a segment', () => {
  it('gives back every value of a column with few distinct ones, null included', () => {
    const values = ['text', 'term', null, 'text', 'definition', 'text'];
    const column = UnitStrings.of(values);
    expect(column.length).toBe(values.length);
    expect(values.map((_, u) => column.at(u))).toEqual(values);
    expect(column.toArray()).toEqual(values);
  });

  it('gives back every value of a column of unique ids, those equal to another column referring to it', () => {
    const records = Array.from({ length: 600 }, (_, u) => `d${u % 7}-${u % 3 ? 'p' : 'g'}${u}`);
    // Passages are their own passage; glossary entries name another passage, or none.
    const passages = records.map((id, u) => (u % 3 ? id : u % 2 ? null : `d${u % 7}-p${u + 1}`));
    const recordIds = UnitStrings.of(records);
    const passageIds = UnitStrings.of(passages, recordIds);
    expect(recordIds.toArray()).toEqual(records);
    expect(passageIds.toArray()).toEqual(passages);
    expect(passageIds.at(599)).toBe(passages[599]);
    expect(UnitStrings.of(['', ...records]).at(0)).toBe('');
    const named = [...records.slice(0, 300), '长三角-一体化', '𠀋-p1'];
    expect(UnitStrings.of(named).toArray()).toEqual(named);
  });

  it('tells which units equal a value without decoding them, in both forms', () => {
    const records = Array.from({ length: 600 }, (_, u) => `d${u % 7}-p${u}`);
    const passages = records.map((id, u) => (u % 3 ? id : u % 2 ? null : `d1-p${u}x`));
    const recordIds = UnitStrings.of(records);
    const passageIds = UnitStrings.of(passages, recordIds);
    const few = UnitStrings.of(['text', 'term', null, 'text']);
    const matches = (column: UnitStrings, value: string) =>
      Array.from({ length: column.length }, (_, u) => u).filter(column.equalTo(value));
    expect(matches(recordIds, 'd3-p10')).toEqual([10]);
    // Same byte length, other bytes: no match; a prefix of a longer id: no match.
    expect(matches(recordIds, 'd3-p11')).toEqual([]);
    expect(matches(recordIds, 'd3-p1')).toEqual([]);
    // Only the first byte differs (bytes are compared from the end).
    expect(matches(recordIds, 'x3-p10')).toEqual([]);
    expect(matches(passageIds, 'd3-p10')).toEqual([10]);
    expect(matches(passageIds, 'd1-p0x')).toEqual([0]);
    expect(matches(few, 'text')).toEqual([0, 3]);
    expect(matches(few, 'absent')).toEqual([]);
    const wide = UnitStrings.of([...records.slice(0, 300), '长三角-一体化']);
    expect(matches(wide, '长三角-一体化')).toEqual([300]);
  });
});
