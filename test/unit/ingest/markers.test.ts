import { describe, expect, it } from 'vitest';
import type { ParsedGlossaryEntry } from '../../../electron/main/ingest/parsed-document';
import { findMarkers, stripMarkers } from '../../../electron/main/ingest/parse/markers';

const glossary = (...terms: string[]): ParsedGlossaryEntry[] =>
  terms.map((term, i) => ({ number: i + 1, term, definition: `${term}的解释。` }));

const clean = (paragraphs: string[], entries: ParsedGlossaryEntry[]) => {
  const hits = findMarkers(paragraphs, entries);
  return paragraphs.map((p, i) =>
    stripMarkers(
      p,
      hits.filter((h) => h.paragraph === i),
    ),
  );
};

describe('footnote markers', () => {
  it('finds a bare number after the term of the entry with that number', () => {
    const [r] = clean(['扎实做好“六稳”1工作、全面落实“六保”2任务。'], glossary('六稳', '六保'));
    expect(r!.text).toBe('扎实做好“六稳”工作、全面落实“六保”任务。');
    expect(r!.footnotes).toEqual([
      { offset: r!.text.indexOf('工作'), glossaryIndex: 0, source: 'marker' },
      { offset: r!.text.indexOf('任务'), glossaryIndex: 1, source: 'marker' },
    ]);
  });

  it('never reads a quantity after a quoted word as a marker', () => {
    const entries = glossary('六稳', '六保', '三高');
    const [a, b, c] = clean(
      ['新增“三高”3企业87家。', '建成“四好农村路”3万公里。', '建成“一老一小幸福院”300个,“三高”企业22家。'],
      entries,
    );
    expect(a!.text).toBe('新增“三高”企业87家。');
    expect(a!.footnotes).toHaveLength(1);
    expect(b!.text).toBe('建成“四好农村路”3万公里。');
    expect(c!.footnotes).toEqual([]);
  });

  it('needs the number to name the entry whose term precedes it', () => {
    // 3 follows 六稳, which is entry 1: a quantity, not a marker.
    const [r] = clean(['“六稳”3项工作。'], glossary('六稳', '六保', '三高'));
    expect(r!.footnotes).toEqual([]);
  });

  it('handles terms ending in digits, unquoted acronyms and markers inside a term', () => {
    const entries = glossary('六稳', '5+3+8', 'RCEP', '“最多投一次”阳光信访');
    const [r] = clean(['建设“5+3+8”2基层网络,抢抓RCEP3协议,普及“最多投一次”4阳光信访。'], entries);
    expect(r!.text).toBe('建设“5+3+8”基层网络,抢抓RCEP协议,普及“最多投一次”阳光信访。');
    expect(r!.footnotes.map((f) => [f.offset, f.glossaryIndex])).toEqual([
      [r!.text.indexOf('基层'), 1],
      [r!.text.indexOf('协议'), 2],
      [r!.text.indexOf('阳光'), 3],
    ]);
  });

  it('keeps only markers numbered consistently through the document', () => {
    const entries = glossary('六稳', '六保', '三高');
    // The later “六稳”1 would break the order 1, 2, 3 already established.
    const paragraphs = ['做好“六稳”1工作。', '落实“六保”2任务。', '培育“三高”3企业。', '再谈“六稳”1。'];
    const hits = findMarkers(paragraphs, entries);
    expect(hits.map((h) => [h.paragraph, h.glossaryIndex])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('reads bracketed markers ［N］ for any entry', () => {
    const [r] = clean(['提升ESI［2］排名,推进“五网合一”［1］建设。'], glossary('五网合一', 'ESI'));
    expect(r!.text).toBe('提升ESI排名,推进“五网合一”建设。');
    expect(r!.footnotes.map((f) => [f.offset, f.glossaryIndex])).toEqual([
      [r!.text.indexOf('排名'), 1],
      [r!.text.indexOf('建设'), 0],
    ]);
  });

  it('finds nothing without a numbered glossary', () => {
    expect(findMarkers(['“六稳”1工作'], [])).toEqual([]);
  });
});
