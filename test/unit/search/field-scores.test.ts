import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { fieldScores, type ScoreClause, type ScoredDoc } from '../../../electron/main/search/field-scores';
import { FIELD_BOOST } from '../../../electron/main/search/lunr-ranker';
import { random } from './library';

const FIELDS = Object.keys(FIELD_BOOST);
const BOOSTS = Object.values(FIELD_BOOST);

/** What ranking did before field-scores.ts: a lunr index over the documents, queried with the clauses. */
function lunrScores(docs: ScoredDoc[], clauses: ScoreClause[]): Float64Array {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.tokenizer = Object.assign((obj?: unknown) => (obj as string[]).map((t) => new lunr.Token(t, {})), {
    separator: lunr.tokenizer.separator,
  });
  builder.ref('ref');
  FIELDS.forEach((name, f) => builder.field(name, { boost: BOOSTS[f] }));
  const lengths = (builder as unknown as { fieldLengths: Record<string, number> }).fieldLengths;
  docs.forEach((doc, ref) => {
    builder.add(
      { ref: String(ref), ...Object.fromEntries(FIELDS.map((name, f) => [name, doc.fields[f]])) },
      { boost: doc.boost },
    );
    FIELDS.forEach((name, f) => (lengths[`${name}/${ref}`] = doc.lengths[f]!));
  });
  const results = builder.build().query((q) => {
    for (const c of clauses)
      q.term(c.term, {
        presence: c.required ? lunr.Query.presence.REQUIRED : lunr.Query.presence.OPTIONAL,
        usePipeline: false,
        fields: c.fields.map((f) => FIELDS[f]!),
      });
  });
  const scores = new Float64Array(docs.length);
  for (const r of results) scores[Number(r.ref)] = r.score;
  return scores;
}

// Han grams, words, and digits (lunr's objects order integer-like keys apart: '12' before '经').
const VOCABULARY = ['经', '济', '经济', '发展', '高质', '质量', '12', '2', 'rcep', '数字', '振兴', '乡村'];

function randomCase(rnd: () => number): { docs: ScoredDoc[]; clauses: ScoreClause[] } {
  const pick = () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]!;
  const tokens = (max: number) => Array.from({ length: Math.floor(rnd() * (max + 1)) }, pick);
  const docs = Array.from({ length: 1 + Math.floor(rnd() * 50) }, (): ScoredDoc => {
    const fields = [tokens(12), rnd() < 0.3 ? tokens(3) : [], rnd() < 0.3 ? tokens(3) : [], tokens(4)];
    return {
      fields,
      lengths: fields.map((f) => f.length + Math.floor(rnd() * 200)),
      boost: [1, 1, 1.5, 2, 0.8][Math.floor(rnd() * 5)]!,
    };
  });
  const clauses = Array.from({ length: 1 + Math.floor(rnd() * 6) }, (): ScoreClause => {
    const words = rnd() < 0.25;
    return {
      // Now and then a term no document has: required, it leaves nothing to score.
      term: rnd() < 0.08 ? '无此' : pick(),
      required: !words && rnd() < 0.7,
      fields: words ? [3] : [0, 1, 2],
    };
  });
  return { docs, clauses };
}

describe('field scores', () => {
  it("are lunr's own scores, bit for bit, over random windows and queries", () => {
    const rnd = random(15);
    let scored = 0;
    for (let i = 0; i < 400; i++) {
      const { docs, clauses } = randomCase(rnd);
      const expected = lunrScores(docs, clauses);
      const got = fieldScores(docs, BOOSTS, clauses);
      expect([...got]).toEqual([...expected]);
      scored += expected.filter((s) => s > 0).length;
    }
    // The cases score many documents, not only empty answers.
    expect(scored).toBeGreaterThan(2000);
  });

  it('score nothing when a required term is in no document', () => {
    const docs: ScoredDoc[] = [{ fields: [['经济'], [], [], []], lengths: [3, 0, 0, 0], boost: 1 }];
    const clauses: ScoreClause[] = [
      { term: '经济', required: true, fields: [0, 1, 2] },
      { term: '发展', required: true, fields: [0, 1, 2] },
    ];
    expect([...fieldScores(docs, BOOSTS, clauses)]).toEqual([0]);
    expect([...lunrScores(docs, clauses)]).toEqual([0]);
  });
});
