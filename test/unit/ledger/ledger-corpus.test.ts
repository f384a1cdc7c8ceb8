import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LedgerRow } from '../../../shared/domain/ledger';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { issuerKey, ledgerSeries, listLedger } from '../../../electron/main/ledger/ledger-service';
import { overrideVerdict } from '../../../electron/main/ledger/ledger-overrides';
import { staleLedgerDocuments } from '../../../electron/main/ledger/ledger-store';
import { updateDocumentMeta } from '../../../electron/main/store/document-meta';
import { getDocumentMeta } from '../../../electron/main/store/document-reader';
import { CORPUS_DIR, describeCorpus } from '../../helpers/corpus';

/** Read in the reports themselves: the target, and the figure the next report states for it. */
const NATIONAL: [year: number, indicator: string, target: number, outcome: number | null, verdict: string][] =
  [
    [2020, '城镇新增就业', 900, 1186, 'met'],
    [2020, '城镇调查失业率', 6, 5.2, 'met'],
    [2020, '居民消费价格涨幅', 3.5, 2.5, 'met'],
    [2021, '国内生产总值', 6, 8.1, 'met'],
    [2021, '城镇新增就业', 1100, 1269, 'met'],
    [2021, '城镇调查失业率', 5.5, 5.1, 'met'],
    [2021, '居民消费价格涨幅', 3, 0.9, 'met'],
    [2021, '粮食产量', 1.3, 1.37, 'met'],
    // The 2022 report states no energy-intensity figure for 2021.
    [2021, '单位国内生产总值能耗', 3, null, 'unclear'],
    [2024, '国内生产总值', 5, 5, 'met'],
    [2024, '城镇新增就业', 1200, 1256, 'met'],
    [2024, '城镇调查失业率', 5.5, 5.1, 'met'],
    [2024, '居民消费价格涨幅', 3, 0.2, 'met'],
    [2024, '粮食产量', 1.3, 1.4, 'met'],
    [2024, '单位国内生产总值能耗', 2.5, 3, 'met'],
  ];

let dir: string;
let core: Core;
let rows: LedgerRow[];
let staleAfterImport = -1;
const docYear = new Map<string, number | null>();

describeCorpus('the target ledger on the corpus', () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ledger-'));
    core = createCore({ databasePath: path.join(dir, 'library.sqlite') });
    const files = fs.readdirSync(CORPUS_DIR).filter((f) => /\.(txt|html)$/.test(f));
    await importFiles(
      core.ctx,
      files.map((f) => path.join(CORPUS_DIR, f)),
      { inline: true },
    );
    // Before anything reads the ledger: the import itself had the facts read.
    staleAfterImport = staleLedgerDocuments(core.ctx.db).length;
    rows = listLedger(core.ctx.db);
    for (const r of rows)
      for (const f of [r.target, r.outcome])
        if (f) docYear.set(f.docId, getDocumentMeta(core.ctx.db, f.docId)!.year);
  }, 180_000);
  afterAll(() => {
    core?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(NATIONAL)('国务院 %i %s: %d → %s, %s', (year, indicator, target, outcome, verdict) => {
    const row = rows.find(
      (r) =>
        r.issuerKey === '国务院' && r.year === year && r.indicator === indicator && r.target.unit !== '亿元',
    );
    expect(row, `${year} ${indicator}`).toBeDefined();
    expect(row!.target.value).toBe(target);
    expect(docYear.get(row!.target.docId)).toBe(year);
    expect(row!.outcome?.value ?? null).toBe(outcome);
    if (row!.outcome) expect(docYear.get(row!.outcome.docId)).toBe(year + 1);
    expect(row!.verdict).toBe(verdict);
  });

  it('quotes each figure from the passage it cites', () => {
    const text = core.ctx.db.prepare(`SELECT text FROM passages WHERE id = ?`);
    for (const r of rows)
      for (const f of [r.target, r.outcome])
        if (f)
          expect((text.get(f.passageId) as { text: string }).text.slice(f.start)).toContain(
            f.text.slice(0, 4),
          );
  });

  it('never pairs across issuers', () => {
    const issuerOf = core.ctx.db.prepare(`SELECT issuer FROM documents WHERE id = ?`);
    const paired = rows.filter((r) => r.outcome);
    expect(paired.length).toBeGreaterThan(10);
    for (const r of paired) {
      const { issuer } = issuerOf.get(r.outcome!.docId) as { issuer: string };
      expect(issuerKey(issuer)).toBe(r.issuerKey);
    }
    const local = rows.filter((r) => r.issuerKey !== '国务院' && r.issuerKey !== '中央');
    expect(local.some((r) => r.issuerKey === '湖里区')).toBe(true);
    expect(local.filter((r) => r.outcome)).toEqual([]);
  });

  it('leaves targets pending when the issuer has no report of the next year', () => {
    const pending = (pred: (r: LedgerRow) => boolean) => rows.filter(pred).map((r) => r.verdict);
    for (const v of pending((r) => r.issuerKey === '湖里区')) expect(v).toBe('pending');
    for (const v of pending((r) => r.year === 2026)) expect(v).toBe('pending');
    const national2025 = pending((r) => r.issuerKey === '国务院' && r.year === 2025);
    expect(national2025.length).toBeGreaterThan(3);
    for (const v of national2025) expect(v).toBe('pending');
  });

  it('filters by issuer', () => {
    const huli = listLedger(core.ctx.db, { issuer: '湖里区' });
    expect(huli.length).toBeGreaterThan(0);
    expect(new Set(huli.map((r) => r.issuerKey))).toEqual(new Set(['湖里区']));
  });

  it('draws a series of target against actual by year', () => {
    const series = ledgerSeries(core.ctx.db, '国务院', '城镇调查失业率');
    const byYear = new Map(series.points.map((p) => [p.year, p]));
    expect(byYear.get(2020)?.actual?.value).toBe(5.2);
    expect(byYear.get(2021)?.target?.value).toBe(5.5);
    expect(byYear.get(2024)?.actual?.value).toBe(5.1);
    expect(byYear.get(2025)?.actual).toBeNull();
  });

  it('keeps the user’s verdict and metadata across an import --replace', async () => {
    const row = rows.find(
      (r) => r.issuerKey === '国务院' && r.year === 2021 && r.indicator === '单位国内生产总值能耗',
    )!;
    const saved = overrideVerdict(core.ctx.db, {
      id: row.id,
      verdict: 'missed',
      note: '2022年报告未提，据统计公报未完成',
    });
    expect(saved).toMatchObject({
      verdict: 'missed',
      computedVerdict: 'unclear',
      override: { note: expect.stringContaining('统计公报') },
    });
    const docId = row.target.docId;
    updateDocumentMeta(core.ctx.db, docId, { title: '2021年国务院政府工作报告（校）', region: '全国' });

    // a revised edition (the same file again is no new edition: nothing would be replaced)
    const revised = path.join(dir, 'national-2021-revised.txt');
    const text = fs.readFileSync(path.join(CORPUS_DIR, 'national-2021.txt'), 'utf8');
    fs.writeFileSync(revised, text.replace('各位代表', '各位代表，各位委员'));
    const summary = await importFiles(core.ctx, [revised], {
      inline: true,
      replace: docId,
    });
    expect(summary.failed).toEqual([]);
    const meta = getDocumentMeta(core.ctx.db, docId)!;
    expect(meta).toMatchObject({
      title: '2021年国务院政府工作报告（校）',
      region: '全国',
      issuer: '国务院',
      year: 2021,
    });
    const after = listLedger(core.ctx.db).find((r) => r.id === row.id)!;
    expect(after).toMatchObject({ verdict: 'missed', override: { verdict: 'missed' } });
    // New passage ids after the replace, and still the right outcome.
    expect(after.target.passageId).not.toBe(row.target.passageId);
    const gdp = listLedger(core.ctx.db).find(
      (r) => r.issuerKey === '国务院' && r.year === 2021 && r.indicator === '国内生产总值',
    );
    expect(gdp?.outcome?.value).toBe(8.1);

    expect(overrideVerdict(core.ctx.db, { id: row.id, verdict: null })).toMatchObject({
      verdict: 'unclear',
      override: null,
    });
  }, 60_000);

  it('reads a document’s facts on import and drops them with the document', () => {
    const db = core.ctx.db;
    expect(staleAfterImport).toBe(0);
    expect(staleLedgerDocuments(db)).toEqual([]);
    const id = rows.find((r) => r.issuerKey === '湖里区')!.target.docId;
    db.prepare(`DELETE FROM documents WHERE id = ?`).run(id);
    expect(db.prepare(`SELECT count(*) AS n FROM ledger_facts WHERE document_id = ?`).get(id)).toEqual({
      n: 0,
    });
    expect(listLedger(db).some((r) => r.issuerKey === '湖里区')).toBe(false);
  });
});
