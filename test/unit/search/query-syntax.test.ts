import { describe, expect, it } from 'vitest';
import { foldText } from '../../../electron/main/search/fold';
import { requiredGrams, gramText } from '../../../electron/main/search/grams';
import { parseQuery } from '../../../electron/main/search/query-parser';

const texts = (q: string) => parseQuery(q).clauses.map((c) => c.map((l) => l.text));

describe('folding', () => {
  it('treats full-width and half-width forms alike and Latin case-insensitively, offset for offset', () => {
    const raw = 'ＲＣＥＰ协议，Ｇｄｐ增长８．０％　２０２１年';
    const folded = foldText(raw);
    expect(folded).toBe('rcep协议,gdp增长8.0% 2021年');
    expect(folded.length).toBe(raw.length);
  });

  it('leaves characters whose folded form is longer as they are, so offsets stay true', () => {
    expect(foldText('㈠①ﬁ')).toHaveLength(3);
    expect(foldText('𠀋字')).toBe('𠀋字');
  });
});

describe('query terms', () => {
  it('compiles a literal into the bigrams of its runs of word characters, or the lone character', () => {
    expect(requiredGrams(foldText('招商引资')).map(gramText)).toEqual(['招商', '商引', '引资']);
    expect(requiredGrams(foldText('“六稳”')).map(gramText)).toEqual(['六稳']);
    expect(requiredGrams(foldText('稳”工')).map(gramText).sort()).toEqual(['工', '稳']);
    expect(requiredGrams(foldText('RCEP29')).map(gramText)).toEqual(['rc', 'ce', 'ep', 'p2', '29']);
    expect(requiredGrams('%')).toEqual([]);
  });
});

describe('query syntax', () => {
  it('ANDs plain terms and keeps Chinese quotation marks as text', () => {
    expect(texts('疫情防控 “六稳”')).toEqual([['疫情防控'], ['“六稳”']]);
  });

  it('keeps spaces and operators inside "exact phrases", even unclosed ones', () => {
    expect(texts('"海峡 两岸" "a OR b')).toEqual([['海峡 两岸'], ['a or b']]);
  });

  it('excludes -terms and joins OR alternatives into one clause', () => {
    const q = parseQuery('高质量发展 -疫情 复工复产 OR 复商复市 OR 复学');
    expect(q.clauses.map((c) => c.map((l) => l.text))).toEqual([
      ['高质量发展'],
      ['复工复产', '复商复市', '复学'],
    ]);
    expect(q.excludes.map((l) => l.text)).toEqual(['疫情']);
  });

  it('reads filters, in English or Chinese names, with full-width colons and lists', () => {
    const q = parseQuery(
      '两岸 doc:湖里 year:2019-2021 kind:glossary,measure 章节：疫情 类型:批注 年份:２０２２',
    );
    expect(q.clauses).toHaveLength(1);
    expect(q.filters).toEqual({
      docs: ['湖里'],
      years: [
        [2019, 2021],
        [2022, 2022],
      ],
      kinds: ['glossary', 'measure', 'annotation'],
      sections: ['疫情'],
    });
  });

  it('reports filter values that name nothing instead of guessing', () => {
    expect(parseQuery('两岸 kind:foo year:soon').unknown).toEqual(['kind:foo', 'year:soon']);
  });

  it('treats a hyphen inside a term, or "or" in lower case, as text', () => {
    expect(texts('2016-2020 or')).toEqual([['2016-2020'], ['or']]);
  });
});
