import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core';
import { foldText } from '../../../electron/main/search/fold';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { passageXref } from '../../../electron/main/xref/passage-xref';
import { keyPhrases } from '../../../electron/main/xref/key-phrases';
import { phraseHits } from '../../../electron/main/xref/phrase-postings';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { traceTerm } from '../../../electron/main/xref/term-service';
import { runCli } from '../../helpers/cli';
import { describeCorpus } from '../../helpers/corpus';
import { CORPUS_DIR, corpusFiles, libraryWith, random, tempDatabase } from '../search/library';

describeCorpus('cross-references over the corpus', () => {
  let core: Core;
  let dbFile: string;
  let passages: { id: string; docId: string; text: string; folded: string }[];
  const docOf = (file: string) =>
    core.ctx.db
      .prepare(`SELECT id FROM documents WHERE source_file = ?`)
      .pluck()
      .get(path.join(CORPUS_DIR, file)) as string;
  /** The national report's 预期目标 paragraph: the one stating the targets (GDP growth 左右/以上). */
  const targetsParagraph = (file: string) => {
    const docId = docOf(file);
    const p = passages.find((x) => x.docId === docId && /主要预期目标是/u.test(x.text));
    if (!p) throw new Error(`no 预期目标 paragraph in ${file}`);
    return p.id;
  };

  beforeAll(async () => {
    dbFile = tempDatabase();
    core = await libraryWith(corpusFiles(), dbFile);
    passages = (
      core.ctx.db.prepare(`SELECT id, document_id AS docId, text FROM passages`).all() as {
        id: string;
        docId: string;
        text: string;
      }[]
    ).map((p) => ({ ...p, folded: foldText(p.text) }));
  }, 180_000);
  afterAll(() => core?.close());

  it('finds every passage a brute-force scan finds, for 150 random phrases of the corpus', () => {
    const rnd = random(21);
    const phrases = new Set<string>();
    while (phrases.size < 150) {
      const text = passages[Math.floor(rnd() * passages.length)]!.text;
      const length = 2 + Math.floor(rnd() * 5);
      const start = Math.floor(rnd() * Math.max(1, text.length - length));
      const q = text.slice(start, start + length);
      if (/^\p{Script=Han}+$/u.test(q) && [...q].length === length) phrases.add(q);
    }
    for (const phrase of phrases) {
      const view = traceTerm(core.ctx, phrase, { limit: 100_000, indexAll: true });
      const expected = passages
        .filter((p) => p.folded.includes(foldText(phrase)))
        .map((p) => p.id)
        .sort();
      expect({ phrase, got: view.occurrences.map((o) => o.passageId).sort() }).toEqual({
        phrase,
        got: expected,
      });
      expect(view.total).toBe(expected.length);
      for (const o of view.occurrences) {
        const text = passages.find((p) => p.id === o.passageId)!.text;
        const count = text.split(phrase).length - 1;
        expect(o.ranges.length).toBe(count);
        for (const [s, e] of o.ranges) expect(text.slice(s, e)).toBe(phrase);
      }
    }
  });

  it('dates 新质生产力 to 2024 (a heading of the 2024 report) and groups its passages by year', () => {
    const view = traceTerm(core.ctx, '新质生产力', { indexAll: true });
    expect(view.firstYear).toBe(2024);
    expect(view.headings.some((h) => h.year === 2024)).toBe(true);
    const perYear = Object.fromEntries(view.years.map((y) => [y.year, y.count]));
    expect(perYear[2026]).toBeGreaterThan(perYear[2025]!);
    const years = view.occurrences.map((o) => o.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('lists every 名词解释 definition of a term, whatever quotation marks the glossary uses', () => {
    const rows = core.ctx.db.prepare(`SELECT id, term FROM glossary_entries`).all() as {
      id: string;
      term: string;
    }[];
    const rnd = random(5);
    const sample = Array.from({ length: 40 }, () => rows[Math.floor(rnd() * rows.length)]!);
    for (const row of sample) {
      const bare = row.term.replace(/[“”"]/gu, '');
      const view = traceTerm(core.ctx, bare, { indexAll: true });
      expect(view.definitions.map((d) => d.glossaryId)).toContain(row.id);
    }
  });

  it.each([
    ['national-2025.txt', 'national-2024.txt'],
    ['national-2022.txt', 'national-2021.txt'],
  ])('ranks the 预期目标 paragraph of %s close to that of %s', (newer, older) => {
    const x = passageXref(core.ctx, targetsParagraph(newer), 5);
    expect(x.related.map((r) => r.passageId)).toContain(targetsParagraph(older));
    expect(x.related.every((r) => r.docId !== docOf(newer))).toBe(true);
    const hit = x.related.find((r) => r.passageId === targetsParagraph(older))!;
    expect(hit.shared.length).toBeGreaterThan(2);
    for (const phrase of hit.shared) {
      expect(passages.find((p) => p.id === hit.passageId)!.text).toContain(phrase);
    }
  });

  it('counts phrases over the library as it is after a document is deleted', () => {
    const gone = docOf('national-2024.txt');
    const paragraph = targetsParagraph('national-2025.txt');
    deleteWithUndo(core.ctx, gone, 'orphan');
    const db = core.ctx.db;
    const left = (db.prepare(`SELECT text FROM passages`).pluck().all() as string[]).map(foldText);
    const { segments } = searchServiceFor(core.ctx).index.snapshot();
    // The passages related-passage ranking reads for each phrase of the paragraph, against a scan.
    const text = passages.find((p) => p.id === paragraph)!.text;
    const phrases = [...keyPhrases(text).keys()];
    expect(phrases.length).toBeGreaterThan(20);
    for (const phrase of phrases) {
      const scanned = left.filter((t) => t.includes(foldText(phrase))).length;
      expect({ phrase, df: phraseHits(segments, phrase).length }).toEqual({ phrase, df: scanned });
    }
    const x = passageXref(core.ctx, paragraph, 8);
    expect(x.related.length).toBeGreaterThan(0);
    expect(x.related.every((r) => r.docId !== gone)).toBe(true);
  });

  it('answers `yandu term` and `yandu xref` with the documented JSON fields', async () => {
    const other = tempDatabase();
    const imported = await runCli([
      'import',
      path.join(CORPUS_DIR, 'national-2021.txt'),
      path.join(CORPUS_DIR, 'national-2022.txt'),
      '--db',
      other,
      '--json',
    ]);
    expect(imported.code).toBe(0);
    const term = await runCli(['term', '疫情防控', '--db', other, '--json']);
    expect(term.code).toBe(0);
    const t = term.json<
      Record<string, unknown> & {
        occurrences: Record<string, unknown>[];
        years: { year: number; count: number }[];
      }
    >();
    expect(Object.keys(t)).toEqual(
      expect.arrayContaining(['term', 'firstYear', 'definitions', 'occurrences', 'years']),
    );
    expect(t.term).toBe('疫情防控');
    expect(t.firstYear).toBe(2021);
    expect(Object.keys(t.occurrences[0]!)).toEqual(expect.arrayContaining(['docId', 'passageId', 'ranges']));
    expect(t.years.map((y) => y.year)).toEqual([2021, 2022]);

    const list = (
      await runCli([
        'export',
        imported.json<{ imported: { id: string }[] }>().imported[1]!.id,
        '--db',
        other,
        '--json',
      ])
    ).json<{
      passages: { id: string; text: string }[];
    }>();
    const p = list.passages.find((x) => /主要预期目标是/u.test(x.text))!;
    const xref = await runCli(['xref', p.id, '--db', other, '--json']);
    expect(xref.code).toBe(0);
    const x = xref.json<Record<string, unknown[]>>();
    expect(Object.keys(x)).toEqual(
      expect.arrayContaining(['terms', 'measures', 'related', 'links', 'backlinks']),
    );
    expect(x.measures!.length).toBeGreaterThan(0);
    expect(Object.keys(x.related![0] as object)).toEqual(
      expect.arrayContaining(['docId', 'passageId', 'score', 'shared']),
    );

    const made = await runCli([
      'link',
      p.id,
      (x.related![0] as { passageId: string }).passageId,
      '--note',
      '对照',
      '--db',
      other,
      '--json',
    ]);
    expect(made.code).toBe(0);
    const link = made.json<{ id: string; from: string; to: string; note: string }>();
    expect(link).toMatchObject({ from: p.id, note: '对照' });
    const back = (await runCli(['xref', link.to, '--db', other, '--json'])).json<{
      backlinks: { id: string }[];
    }>();
    expect(back.backlinks.map((b) => b.id)).toEqual([link.id]);
    expect((await runCli(['unlink', link.id, '--db', other])).code).toBe(0);
    const again = await runCli(['unlink', link.id, '--db', other]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('未找到');
  });
});
