import { describe, expect, it } from 'vitest';
import { alignPassages } from '../../../electron/main/store/passage-alignment';
import { approximateMatches } from '../../../electron/main/annotations/anchoring/fuzzy';
import { locate, type Anchor } from '../../../electron/main/annotations/anchoring/locate';
import {
  fromCodePoints,
  quoteAt,
  toCodePoints,
} from '../../../electron/main/annotations/anchoring/selectors';

const anchorIn = (text: string, exact: string): Anchor => {
  const start = text.indexOf(exact);
  return { ...quoteAt(text, start, start + exact.length), start, end: start + exact.length };
};

describe('passage alignment', () => {
  it('pairs identical passages across a deletion and an insertion, and edited ones by similarity', () => {
    const old = ['甲段原文一二三四五', '乙段将被删除的文字', '丙段会被稍作修改的一段文字', '丁段不变'];
    const next = ['新插入的段落', '甲段原文一二三四五', '丙段会被稍微修改过的一段文字', '丁段不变'];
    expect(alignPassages(old, next)).toEqual([1, -1, 2, 3]);
  });

  it('keeps document order: an edited passage is not paired with one before its predecessor', () => {
    expect(alignPassages(['同样的开头甲', '不变'], ['不变', '同样的开头乙'])).toEqual([-1, 0]);
  });
});

describe('approximate matching', () => {
  it('finds a quote with text inserted inside it, with the exact range of the match', () => {
    const text = '前文。浪潮、宸鸿、天马等龙头企业增产102.5亿元。后文';
    const [best] = approximateMatches('浪潮、宸鸿等龙头企业增产102.5亿元', text, 5);
    expect(best).toMatchObject({ distance: 3 });
    expect(text.slice(best!.start, best!.end)).toBe('浪潮、宸鸿、天马等龙头企业增产102.5亿元');
  });

  it('finds nothing beyond the error budget', () => {
    expect(approximateMatches('完全不同的句子内容', '这里写的是另一回事情', 2)).toEqual([]);
  });
});

describe('locate', () => {
  const text = '坚持稳中求进,扎实做好“六稳”工作。其他内容若干。';

  it('places an unchanged passage’s annotation exactly', () => {
    const anchor = anchorIn(text, '“六稳”');
    expect(locate({ anchor, passages: ['新段', text], corresponding: 1, oldText: text })).toEqual({
      outcome: 'exact',
      passageIndex: 1,
      start: anchor.start,
      end: anchor.end,
    });
  });

  it('orphans rather than choose between two equally good places', () => {
    const anchor = anchorIn(text, '六稳');
    const twin = `${text}`;
    expect(locate({ anchor, passages: [twin, twin], corresponding: -1, oldText: null })).toBeNull();
  });

  it('does not match a short quote fuzzily: a changed term is another term', () => {
    const anchor = anchorIn(text, '做好“六稳”');
    const changed = text.replace('六稳', '六保');
    expect(locate({ anchor, passages: [changed], corresponding: 0, oldText: text })).toBeNull();
  });

  it('matches a longer quote with one changed character fuzzily, at the same place', () => {
    const anchor = anchorIn(text, '扎实做好“六稳”工作');
    const changed = text.replace('六稳', '六保');
    expect(locate({ anchor, passages: [changed], corresponding: 0, oldText: text })).toEqual({
      outcome: 'fuzzy',
      passageIndex: 0,
      start: anchor.start,
      end: anchor.end,
    });
  });

  it('does not move a short quote to another paragraph whose context merely resembles', () => {
    const anchor = anchorIn(text, '六稳');
    const elsewhere = '另一段落里,也要扎实做好“六稳”工作、落实“六保”任务。';
    const changed = text.replace('六稳', '六新');
    expect(locate({ anchor, passages: [changed, elsewhere], corresponding: 0, oldText: text })).toBeNull();
  });

  it('follows a short quote that moved within its own paragraph', () => {
    const anchor = anchorIn(text, '六稳');
    const moved = `开头新增一句说明文字,${text.replace('坚持稳中求进,', '坚持稳中求进、奋发有为,')}`;
    expect(locate({ anchor, passages: [moved], corresponding: 0, oldText: text })).toMatchObject({
      outcome: 'moved',
      start: moved.indexOf('六稳'),
    });
  });
});

describe('W3C positions', () => {
  it('counts code points where the passage holds characters outside the BMP', () => {
    const text = '𠀀湖里区𠀾报告';
    const start = text.indexOf('湖');
    expect(toCodePoints(text, start)).toBe(1);
    expect(fromCodePoints(text, 1)).toBe(start);
    expect(fromCodePoints(text, toCodePoints(text, text.indexOf('报')))).toBe(text.indexOf('报'));
  });
});
