import { describe, expect, it } from 'vitest';
import {
  annotationDecorations,
  overlapLayers,
} from '../../../renderer/src/features/annotations/model/decorations';
import {
  facetCounts,
  filterAnnotations,
  NO_FILTER,
} from '../../../renderer/src/features/annotations/model/filter';
import { inlineMarkdown } from '../../../renderer/src/features/annotations/model/inline-markdown';
import { sentenceRanges, stepSentence } from '../../../renderer/src/features/annotations/model/sentences';
import type { Annotation } from '../../../shared/domain/annotations';

const ann = (over: Partial<Annotation>): Annotation => ({
  id: 'a',
  documentId: 'd',
  passageId: 'p1',
  start: 0,
  end: 4,
  quote: '地区生产',
  prefix: '',
  suffix: '',
  kind: 'highlight',
  color: 'yellow',
  note: '',
  tags: [],
  author: '张三',
  created: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  status: 'anchored',
  editionHash: 'h',
  ...over,
});

describe('annotation decorations', () => {
  it('puts overlapping annotations on different layers and reuses a layer once it is free', () => {
    const layers = overlapLayers([
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 5, end: 15 },
      { id: 'c', start: 12, end: 20 },
      { id: 'd', start: 6, end: 8 },
    ]);
    expect(Object.fromEntries(layers)).toEqual({ a: 0, b: 1, d: 2, c: 0 });
  });

  it('draws anchored annotations only, marks the active one and adds a note mark at the end', () => {
    const map = annotationDecorations(
      [
        ann({ id: 'x', color: 'red', kind: 'underline', note: '要点' }),
        ann({ id: 'y', start: 2, end: 6, passageId: 'p1' }),
        ann({ id: 'z', status: 'orphaned', passageId: null }),
      ],
      'x',
      (a) => `title ${a.id}`,
    );
    expect([...map.keys()]).toEqual(['p1']);
    const list = map.get('p1')!;
    expect(list.map((d) => [d.kind, d.start, d.end, d.data?.['annotation-id']])).toEqual([
      ['annotation', 0, 4, 'x'],
      ['annotation-note', 3, 4, 'x'],
      ['annotation', 2, 6, 'y'],
    ]);
    expect(list[0]!.className).toBe('ann ann-ul ann-c-red ann-layer-0 ann-active');
    expect(list[2]!.className).toBe('ann ann-hl ann-c-yellow ann-layer-1');
    expect(list[0]!.title).toBe('title x');
  });
});

describe('panel filters', () => {
  const list = [
    ann({ id: '1', color: 'red', tags: ['指标'], note: '量化' }),
    ann({ id: '2', color: 'blue', tags: ['新提法', '指标'], quote: '岛内大提升' }),
    ann({ id: '3', color: 'red', tags: [] }),
  ];
  it('combines colour, tag and text filters', () => {
    const ids = (f: Partial<typeof NO_FILTER>) =>
      filterAnnotations(list, { ...NO_FILTER, ...f }).map((a) => a.id);
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ colors: ['red'] })).toEqual(['1', '3']);
    expect(ids({ tags: ['指标'] })).toEqual(['1', '2']);
    expect(ids({ tags: ['指标'], colors: ['red'] })).toEqual(['1']);
    expect(ids({ text: '大提升' })).toEqual(['2']);
    expect(ids({ text: '量化' })).toEqual(['1']);
    expect(ids({ text: '新提' })).toEqual(['2']);
  });
  it('counts per colour in palette order and per tag, most used first', () => {
    const facets = facetCounts(list);
    expect(facets.colors.filter((c) => c.count)).toEqual([
      { color: 'red', count: 2 },
      { color: 'blue', count: 1 },
    ]);
    expect(facets.tags).toEqual([
      { tag: '指标', count: 2 },
      { tag: '新提法', count: 1 },
    ]);
  });
});

describe('sentence selection', () => {
  const text = '硬核举措“防扩散”。第一时间启动一级响应,设置970个卡口。全区共发现3例确诊病例!其余';
  it('splits after 。！？ with closing quotes kept, the tail as a last sentence', () => {
    expect(sentenceRanges(text).map((r) => text.slice(r.start, r.end))).toEqual([
      '硬核举措“防扩散”。',
      '第一时间启动一级响应,设置970个卡口。',
      '全区共发现3例确诊病例!',
      '其余',
    ]);
  });
  it('steps forward and back, and grows a partial selection to its sentence', () => {
    const [s1, s2] = sentenceRanges(text);
    expect(stepSentence(text, null, 1)).toEqual(s1);
    expect(stepSentence(text, s1!, 1)).toEqual(s2);
    expect(stepSentence(text, s2!, -1)).toEqual(s1);
    expect(stepSentence(text, s1!, -1)).toBeNull();
    expect(stepSentence(text, { start: s2!.start + 2, end: s2!.start + 4 }, 1)).toEqual(s2);
  });
});

describe('note Markdown', () => {
  it('turns bold, italic, code and line breaks into tokens, leaving markup-like text alone', () => {
    expect(inlineMarkdown('全年**8.0%**以上\n*注意* `GDP` <b>x</b>')).toEqual([
      { text: '全年', style: 'plain' },
      { text: '8.0%', style: 'strong' },
      { text: '以上', style: 'plain' },
      { text: '\n', style: 'break' },
      { text: '注意', style: 'em' },
      { text: ' ', style: 'plain' },
      { text: 'GDP', style: 'code' },
      { text: ' <b>x</b>', style: 'plain' },
    ]);
  });
});
