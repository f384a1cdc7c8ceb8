import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core';
import { compareServiceFor } from '../../../electron/main/compare/compare-service';
import { getDocumentBundle } from '../../../electron/main/store/document-reader';
import type { DocumentComparison } from '../../../shared/domain/compare';
import { runCli } from '../../helpers/cli';
import { CORPUS_DIR, describeCorpus } from '../../helpers/corpus';
import { libraryWith, tempDatabase } from '../search/library';

const FILES = [
  'national-2020.txt',
  'national-2021.txt',
  'national-2022.txt',
  'national-2024.txt',
  'national-2025.txt',
  'hulunbuir-hailar-2012.txt',
  'hulunbuir-hailar-2019.txt',
];
const raw = (file: string) => fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8');
/** Raw text as a reader sees it: line breaks inside a paragraph do not split a phrase. */
const squeeze = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '');

let core: Core;
let databasePath: string;
const ids = new Map<string, string>();

describeCorpus('compare on the corpus', () => {
  beforeAll(async () => {
    databasePath = tempDatabase();
    core = await libraryWith(
      FILES.map((f) => path.join(CORPUS_DIR, f)),
      databasePath,
    );
    const rows = core.ctx.db.prepare(`SELECT id, source_file AS file FROM documents`).all() as {
      id: string;
      file: string;
    }[];
    for (const r of rows) ids.set(path.basename(r.file), r.id);
  });
  afterAll(() => core?.close());

  const compare = (older: string, newer: string) =>
    compareServiceFor(core.ctx).compareNow(ids.get(older)!, ids.get(newer)!);

  /** The checks that hold for any pair: one-to-one sections, every range real, phrases truly absent. */
  function checkInvariants(c: DocumentComparison, older: string, newer: string) {
    const A = getDocumentBundle(core.ctx.db, c.a.id)!;
    const B = getDocumentBundle(core.ctx.db, c.b.id)!;
    for (const side of ['a', 'b'] as const) {
      const listed = c.sections.map((r) => r[side]).filter((id) => id !== null);
      expect(new Set(listed).size).toBe(listed.length);
      const bundle = side === 'a' ? A : B;
      expect(new Set(listed)).toEqual(new Set(bundle.sections.map((s) => s.id)));
      const passages = [...c.preamble, ...c.sections.flatMap((r) => r.passages)]
        .map((p) => p[side])
        .filter((id) => id !== null);
      expect(new Set(passages).size).toBe(passages.length);
      expect(passages.length).toBe(bundle.passages.length);
    }
    const textOf = new Map([...A.passages, ...B.passages].map((p) => [p.id, p.text]));
    for (const p of c.sections.flatMap((r) => r.passages))
      for (const change of p.changes) {
        if (change.a) expect(textOf.get(p.a!)!.slice(...change.a).length).toBeGreaterThan(0);
        if (change.b) expect(textOf.get(p.b!)!.slice(...change.b).length).toBeGreaterThan(0);
      }
    const olderRaw = squeeze(raw(older));
    const newerRaw = squeeze(raw(newer));
    for (const row of c.newPhrases) {
      expect(olderRaw.includes(squeeze(row.phrase)), row.phrase).toBe(false);
      expect(newerRaw.includes(squeeze(row.phrase)), row.phrase).toBe(true);
      if (row.range) expect(textOf.get(row.passageId!)!.slice(...row.range)).toBe(row.phrase);
    }
    for (const row of c.droppedPhrases) {
      expect(newerRaw.includes(squeeze(row.phrase)), row.phrase).toBe(false);
      if (row.range) expect(textOf.get(row.passageId!)!.slice(...row.range)).toBe(row.phrase);
    }
  }

  it('national 2024 → 2025: parts one-to-one, the two 工作回顾 paired, new phrases absent from 2024', () => {
    const c = compare('national-2024.txt', 'national-2025.txt');
    checkInvariants(c, 'national-2024.txt', 'national-2025.txt');
    expect(c.newer).toBe('b');
    const review = c.sections.find((r) => r.aTitle === '2023年工作回顾');
    expect(review).toMatchObject({ bTitle: '2024年工作回顾', depth: 0 });
    const parts = c.sections.filter((r) => r.depth === 0);
    expect(parts.map((r) => [r.aLabel, r.bLabel])).toEqual([
      ['一', '一'],
      ['二', '二'],
      ['三', '三'],
    ]);
    // The ten tasks of 2024 and of 2025 cover the same ground: each finds its counterpart.
    expect(c.sections.filter((r) => r.depth === 1 && r.a && r.b)).toHaveLength(10);
    expect(c.newPhrases.map((p) => p.phrase)).toEqual(expect.arrayContaining(['两重', '两新', '投资于人']));
    expect(c.droppedPhrases.map((p) => p.phrase)).toContain('新三样');
    const changed = review!.passages.flatMap((p) => p.changes).filter((ch) => ch.kind === 'changed');
    expect(changed.length).toBeGreaterThan(5);
  });

  it('national 2021 → 2022 and 2020 → 2021 (an issuer the text does not name)', () => {
    const c = compare('national-2021.txt', 'national-2022.txt');
    checkInvariants(c, 'national-2021.txt', 'national-2022.txt');
    expect(c.sections.find((r) => r.aTitle === '2020年工作回顾')?.bTitle).toBe('2021年工作回顾');
    const d = compare('national-2020.txt', 'national-2021.txt');
    checkInvariants(d, 'national-2020.txt', 'national-2021.txt');
    // 2020's tasks are parts of their own; 2021's are sections under 2021年重点工作: paired across levels.
    expect(d.sections.find((r) => r.aTitle === '推进更高水平对外开放，稳住外贸外资基本盘')).toMatchObject({
      bTitle: '实行高水平对外开放，促进外贸外资稳中提质',
      moved: true,
    });
    expect(compareServiceFor(core.ctx).defaultPair(ids.get('national-2021.txt'))).toMatchObject({
      a: ids.get('national-2020.txt'),
      b: ids.get('national-2021.txt'),
    });
  });

  it('hailar 2012 → 2019: the two reviews paired, the default pair found across issuer spellings', () => {
    const c = compare('hulunbuir-hailar-2012.txt', 'hulunbuir-hailar-2019.txt');
    checkInvariants(c, 'hulunbuir-hailar-2012.txt', 'hulunbuir-hailar-2019.txt');
    expect(c.sections.find((r) => r.aTitle === '过去一年工作回顾')?.bTitle).toBe('2018年工作回顾');
    expect(compareServiceFor(core.ctx).defaultPair(ids.get('hulunbuir-hailar-2019.txt'))).toEqual({
      a: ids.get('hulunbuir-hailar-2012.txt'),
      b: ids.get('hulunbuir-hailar-2019.txt'),
      basis: 'issuer',
    });
  });

  it('yandu compare --json keeps the contract field names', async () => {
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const run = await runCli([
      'compare',
      ids.get('national-2024.txt')!,
      ids.get('national-2025.txt')!,
      '--db',
      databasePath,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const answer = run.json<DocumentComparison>();
    expect(answer.sections.length).toBeGreaterThan(10);
    for (const row of answer.sections) {
      expect(row).toHaveProperty('a');
      expect(row).toHaveProperty('b');
      expect(typeof row.similarity).toBe('number');
    }
    for (const row of [...answer.newPhrases, ...answer.droppedPhrases]) {
      expect(typeof row.phrase).toBe('string');
      expect(row).toHaveProperty('passageId');
    }
    const usage = await runCli(['compare', ids.get('national-2024.txt')!, '--db', databasePath]);
    expect(usage.code).not.toBe(0);
    const missing = await runCli(['compare', 'nope', ids.get('national-2024.txt')!, '--db', databasePath]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('nope');
  });
});
