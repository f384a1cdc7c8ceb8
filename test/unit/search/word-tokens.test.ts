import fs from 'node:fs';
import path from 'node:path';
import lunr from 'lunr';
import multi from 'lunr-languages/lunr.multi';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support';
import zh from 'lunr-languages/lunr.zh';
import { expect, it } from 'vitest';
import { wordTokenizer } from '../../../electron/main/search/word-tokens';
import { CORPUS_DIR, describeCorpus } from '../../helpers/corpus';
import { random } from './library';

/** lunr-languages as ranking sets it up: what `word-tokens.ts` must give word for word. */
function lunrWords() {
  stemmerSupport(lunr);
  zh(lunr);
  multi(lunr);
  const builder = new lunr.Builder();
  builder.use(lunr.multiLanguage('en', 'zh'));
  const { tokenizer, pipeline, searchPipeline } = builder;
  const info = console.info;
  console.info = () => {};
  try {
    tokenizer('预热');
  } finally {
    console.info = info;
  }
  const both = (p: lunr.Pipeline) => ({
    lunrs: (text: string) => p.run(tokenizer(text)).map(String),
    ours: wordTokenizer({
      separator: lunr.tokenizer.separator,
      pipeline: (token) => p.run([new lunr.Token(token, {})]).map(String),
    }),
  });
  // Indexed words (context windows) and a query's words (its literals) go through different pipelines.
  return { ...both(pipeline), query: both(searchPipeline) };
}

describeCorpus('word tokens', () => {
  it("are lunr-languages' own words for context windows of the corpus and for edge cases", () => {
    const { lunrs, ours, query } = lunrWords();
    const texts = fs
      .readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8'));
    const rnd = random(21);
    const windows = [
      '',
      '  ',
      'RCEP 协议 -- constructor. __proto__ toString valueOf',
      'GDP增长8.0%，“六稳”“六保”',
      '　全面建成小康社会　',
      'well-being running runs 的 了 和',
      '𠀋字𠀋字 ㈠①ﬁ',
    ];
    for (let i = 0; i < 3000; i++) {
      const text = texts[Math.floor(rnd() * texts.length)]!;
      const at = Math.floor(rnd() * text.length);
      windows.push(text.slice(at, at + 6 + Math.floor(rnd() * 20)));
    }
    for (const w of windows) {
      expect(ours(w), w).toEqual(lunrs(w));
      expect(query.ours(w), w).toEqual(query.lunrs(w));
    }
  });
});
