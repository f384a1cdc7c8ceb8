import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentBundle } from '../../../shared/domain/library';
import { seedText, storedSeed, withMarkers } from './seed-fixture';

let seed: DocumentBundle;
beforeAll(() => {
  seed = storedSeed();
});

const strip = (s: string) => s.replace(/^[“"]|[”"]$/g, '');

describe('the bundled report: lead phrases', () => {
  it('sets off 43 run-in lead phrases, without their 。, and only genuine ones', () => {
    const leads = seed.passages.filter((p) => p.lead);
    expect(leads).toHaveLength(43);
    for (const p of leads) {
      expect(p.text.startsWith(`${p.lead}。`)).toBe(true);
      expect(p.lead!.length).toBeLessThanOrEqual(16);
      expect(p.lead).not.toMatch(/[,，。；;:：]/);
    }
    const first = seed.passages.find((p) => p.text.startsWith('硬核举措'))!;
    expect(first.lead).toBe('硬核举措“防扩散”');
    expect(first.text).toMatch(/^硬核举措“防扩散”。第一时间启动突发公共卫生事件一级响应/);
    // Ordinary opening sentences are not leads.
    for (const start of [
      '现在,我代表',
      '2020年,面对',
      '全年预计实现',
      '同时,妇女儿童',
      '各位代表!',
      '2021年是建党100周年',
    ])
      expect(seed.passages.find((p) => p.text.startsWith(start))!.lead, start).toBeNull();
    expect(seed.passages.find((p) => p.text.startsWith('各位代表:'))!.lead).toBeNull();
  });
});

describe('the bundled report: glossary and footnote markers', () => {
  it('reads the 34 名词解释 entries, numbered 1–34, with exact terms', () => {
    expect(seed.glossary.map((g) => g.number)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    const term = (n: number) => seed.glossary[n - 1]!.term;
    expect(term(1)).toBe('六稳');
    expect(term(8)).toBe('5+3+8');
    expect(term(10)).toBe('1+3+8');
    expect(term(15)).toBe('10+2+5');
    expect(term(18)).toBe('“最多投一次”阳光信访');
    expect(term(21)).toBe('一窗受理、集成服务');
    expect(term(23)).toBe('“三公”经费');
    expect(term(29)).toBe('RCEP');
    expect(term(30)).toBe('劳动关系调节数字云');
    expect(term(34)).toBe('“一件事”套餐服务');
    expect(seed.glossary[0]!.definition).toBe('稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。');
    expect(seed.glossary.every((g) => g.definition.length > 0)).toBe(true);
  });

  it('removes exactly 34 markers, one per entry, in numbering order', () => {
    expect(seed.footnotes).toHaveLength(34);
    expect(seed.footnotes.every((f) => f.source === 'marker')).toBe(true);
    const numbers = seed.footnotes.map((f) => seed.glossary.find((g) => g.id === f.glossaryId)!.number);
    expect(numbers).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
  });

  it('stores each marker right after its term in the cleaned text', () => {
    for (const f of seed.footnotes) {
      const { term } = seed.glossary.find((g) => g.id === f.glossaryId)!;
      const text = seed.passages.find((p) => p.id === f.passageId)!.text;
      const before = text.slice(0, f.offset);
      const after = text.slice(f.offset);
      const endsWithTerm = strip(before.replace(/”$/, '')).endsWith(strip(term)) || before.endsWith(term);
      // `“最多投一次”18阳光信访`: the marker sits after the quoted head of the term.
      const splitAtQuote = [...term].some(
        (c, i) => c === '”' && before.endsWith(term.slice(0, i + 1)) && after.startsWith(term.slice(i + 1)),
      );
      expect(endsWithTerm || splitAtQuote, `${term} @ ${before.slice(-12)}|${after.slice(0, 6)}`).toBe(true);
    }
  });

  it('places markers at the exact offsets of the printed text', () => {
    const at = (n: number) => {
      const f = seed.footnotes.find((x) => seed.glossary.find((g) => g.id === x.glossaryId)!.number === n)!;
      const p = seed.passages.find((x) => x.id === f.passageId)!;
      return {
        before: p.text.slice(Math.max(0, f.offset - 6), f.offset),
        after: p.text.slice(f.offset, f.offset + 4),
      };
    };
    expect(at(1)).toEqual({ before: '做好“六稳”', after: '工作、全' });
    expect(at(3)).toEqual({ before: '新增“三高”', after: '企业87' });
    expect(at(18)).toEqual({ before: '最多投一次”', after: '阳光信访' });
    expect(at(19)).toEqual({ before: '接、诉非联动', after: '和驻公安' });
    expect(at(23)).toEqual({ before: '“三公”经费', after: '同比下降' });
    expect(at(29)).toEqual({ before: '抢抓RCEP', after: '协议签订' });
  });

  it('takes no ordinary number for a marker', () => {
    const sanhao = seed.passages.find((p) => p.text.includes('新增“三高”企业87家'))!;
    expect(seed.footnotes.filter((f) => f.passageId === sanhao.id)).toHaveLength(1);
    expect(sanhao.text).toContain('22家“三高”企业进入全市重点上市后备企业库');
    // Numbers after quoted words that are not glossary entries stay in the text.
    expect(seed.passages.some((p) => p.text.includes('开展“线上+线下”活动22场次'))).toBe(true);
  });

  it('gives back the printed paragraphs when the markers are put back', () => {
    const raw = seedText();
    for (const p of seed.passages) {
      if (!seed.footnotes.some((f) => f.passageId === p.id)) continue;
      expect(raw).toContain(withMarkers(seed, p.id, p.text));
    }
  });
});
