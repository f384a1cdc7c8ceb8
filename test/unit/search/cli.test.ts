import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { unindexedCount } from '../../../electron/main/store/document-lookup';
import { openDatabase } from '../../../electron/main/store/database';
import { SEED, tempDatabase } from './library';

interface Answer {
  total: number;
  hits: {
    kind: string;
    docId: string;
    passageId: string | null;
    score: number;
    ranges: [number, number][];
  }[];
}

let db: string;
beforeAll(async () => {
  db = tempDatabase();
  expect((await runCli(['import', SEED, '--db', db])).code).toBe(0);
});

describe('yandu search', () => {
  it('finds the library indexed by the import: a search has nothing left to index', () => {
    const library = openDatabase(db);
    try {
      expect(library.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(1);
      expect(unindexedCount(library)).toBe(0);
    } finally {
      library.close();
    }
  });

  it('prints total and hits with the documented keys; ranges index the exported passage text', async () => {
    const run = await runCli(['search', '疫情防控', '--db', db, '--limit', '3', '--json']);
    expect(run.code).toBe(0);
    const answer = run.json<Answer>();
    expect(Object.keys(answer)).toEqual(['total', 'hits']);
    expect(answer.total).toBeGreaterThan(3);
    expect(answer.hits).toHaveLength(3);
    const docId = answer.hits[0]!.docId;
    const bundle = (await runCli(['export', docId, '--db', db, '--json'])).json<{
      passages: { id: string; text: string }[];
      glossary: { id: string; term: string; definition: string }[];
      measures: { id: string; title: string }[];
    }>();
    for (const hit of answer.hits) {
      if (hit.kind === 'passage') {
        expect(Object.keys(hit)).toEqual(['kind', 'docId', 'passageId', 'score', 'ranges']);
        const text = bundle.passages.find((p) => p.id === hit.passageId)!.text;
        for (const [s, e] of hit.ranges) expect(text.slice(s, e)).toBe('疫情防控');
      } else {
        expect(Object.keys(hit)).toEqual([
          'kind',
          'docId',
          'passageId',
          'recordId',
          'field',
          'score',
          'ranges',
        ]);
      }
    }
  });

  it('names the glossary record and field a hit is in', async () => {
    const answer = (await runCli(['search', 'RCEP kind:glossary', '--db', db, '--json'])).json<Answer>();
    expect(answer.hits[0]).toMatchObject({ kind: 'glossary', field: 'term', ranges: [[0, 4]] });
  });

  it('answers one JSON line per stdin line, in order', async () => {
    const queries = ['两岸', '引资', 'RCEP', '“六稳”', '高质量发展 -疫情', '没有这个词语'];
    const run = await runCli(['search', '--stdin', '--json', '--db', db], `${queries.join('\n')}\n`);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(queries.length);
    for (const [i, line] of lines.entries()) {
      const one = (await runCli(['search', queries[i]!, '--db', db, '--json'])).json<Answer>();
      expect(JSON.parse(line)).toEqual(one);
    }
    expect(JSON.parse(lines[5]!)).toEqual({ total: 0, hits: [] });
  });

  it('refuses a query together with --stdin, and a bad --limit', async () => {
    expect((await runCli(['search', 'x', '--stdin', '--db', db])).code).toBe(2);
    expect((await runCli(['search', 'x', '--limit', '0', '--db', db])).code).toBe(2);
  });
});
