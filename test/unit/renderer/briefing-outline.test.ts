import { describe, expect, it } from 'vitest';
import {
  markedRuns,
  movedIndex,
  outlineCommand,
  shiftedLevel,
} from '../../../renderer/src/features/briefings/model/outline';

const key = (
  k: string,
  mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => ({
  key: k,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('briefing outline keys and moves', () => {
  it('maps Alt+arrows to outline commands, headings only for levels', () => {
    expect(outlineCommand(key('ArrowUp', { altKey: true }), 'excerpt')).toBe('up');
    expect(outlineCommand(key('ArrowDown', { altKey: true }), 'note')).toBe('down');
    expect(outlineCommand(key('ArrowRight', { altKey: true }), 'heading')).toBe('indent');
    expect(outlineCommand(key('ArrowLeft', { altKey: true }), 'heading')).toBe('outdent');
    expect(outlineCommand(key('ArrowRight', { altKey: true }), 'excerpt')).toBeNull();
    // Tab keeps moving focus (no keyboard trap); plain arrows and Ctrl+Alt are not the outline's.
    expect(outlineCommand(key('Tab'), 'heading')).toBeNull();
    expect(outlineCommand(key('Tab', { shiftKey: true }), 'heading')).toBeNull();
    expect(outlineCommand(key('ArrowUp'), 'excerpt')).toBeNull();
    expect(outlineCommand(key('ArrowUp', { altKey: true, ctrlKey: true }), 'excerpt')).toBeNull();
  });

  it('stops at the ends of the outline and the heading levels', () => {
    expect(movedIndex(0, -1, 3)).toBeNull();
    expect(movedIndex(2, 1, 3)).toBeNull();
    expect(movedIndex(1, 1, 3)).toBe(2);
    expect(shiftedLevel(1, 'outdent')).toBeNull();
    expect(shiftedLevel(3, 'indent')).toBeNull();
    expect(shiftedLevel(2, 'indent')).toBe(3);
  });

  it('splits an excerpt at overlapping marks', () => {
    const runs = markedRuns('一二三四五六', [
      { start: 1, end: 4 },
      { start: 3, end: 6 },
    ]);
    expect(runs.map((r) => [r.text, r.marks])).toEqual([
      ['一', []],
      ['二三', [0]],
      ['四', [0, 1]],
      ['五六', [1]],
    ]);
    // A mark beyond the text (seen before the source changed) is clipped, not drawn past the end.
    expect(markedRuns('一二', [{ start: 1, end: 9 }]).map((r) => r.text)).toEqual(['一', '二']);
  });
});
