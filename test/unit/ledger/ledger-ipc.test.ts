import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../../shared/domain/ledger';
import type { DocumentMetaEdit } from '../../../shared/ipc/channels/metadata';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { runCli } from '../../helpers/cli';
import { SEED_FILE } from '../ingest/seed-fixture';

let dir: string;
let dbPath: string;
let core: Core;
let docId: string;
const call = (channel: string, payload: unknown) => dispatch(core, channel, payload);
const value = <T>(reply: Awaited<ReturnType<typeof call>>): T => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ledger-ipc-'));
  dbPath = path.join(dir, 'library.sqlite');
  core = createCore({ databasePath: dbPath });
  const summary = await importFiles(core.ctx, [SEED_FILE], { inline: true });
  docId = summary.imported[0]!.id;
}, 60_000);
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('metadata and ledger channels', () => {
  it('refuses malformed requests with invalid_request', async () => {
    const cases: [string, unknown][] = [
      ['documents:update-meta', { id: docId }],
      ['documents:update-meta', { id: docId, patch: { level: 'galaxy' } }],
      ['documents:update-meta', { id: docId, patch: { year: 20210 } }],
      ['documents:update-meta', { id: docId, patch: { date: '2021-13-45' } }],
      ['documents:update-meta', { id: docId, patch: { title: '' } }],
      ['documents:update-meta', { id: docId, patch: { title: 'x'.repeat(301) } }],
      ['documents:update-meta', { id: docId, patch: { path: '/etc/passwd' } }],
      ['documents:update-meta', { id: docId, patch: {}, reset: ['speaker'] }],
      ['documents:update-meta', { id: 'x'.repeat(201), patch: {} }],
      ['documents:meta', { id: 42 }],
      ['ledger:list', { issuer: 'x'.repeat(101) }],
      ['ledger:list', { issuer: '国务院', extra: 1 }],
      ['ledger:series', { issuer: '国务院' }],
      ['ledger:override', { id: 'a|b|%|2021', verdict: 'great' }],
      ['ledger:override', { id: '', verdict: 'met' }],
      ['ledger:override', { id: 'a|b|%|2021', verdict: 'met', note: 'x'.repeat(2001) }],
    ];
    for (const [channel, payload] of cases) {
      const reply = await call(channel, payload);
      expect(reply.ok, `${channel} ${JSON.stringify(payload).slice(0, 80)}`).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('invalid_request');
    }
  });

  it('edits metadata, says which fields the user set, and resets one back to what was read', async () => {
    const read = value<DocumentMetaEdit>(await call('documents:meta', { id: docId }));
    expect(read.meta).toMatchObject({
      issuer: '厦门市湖里区人民政府',
      level: 'district',
      region: '厦门市湖里区',
      year: 2021,
    });
    expect(read.userFields).toEqual([]);
    const edited = value<DocumentMetaEdit>(
      await call('documents:update-meta', {
        id: docId,
        patch: { issuer: '湖里区人民政府', date: '2020-12-29' },
      }),
    );
    expect(edited.meta).toMatchObject({ issuer: '湖里区人民政府', date: '2020-12-29', year: 2021 });
    expect(edited.userFields.sort()).toEqual(['date', 'issuer']);
    const reset = value<DocumentMetaEdit>(
      await call('documents:update-meta', { id: docId, patch: {}, reset: ['date'] }),
    );
    expect(reset.meta.date).toBe('2021-01-11');
    expect(reset.userFields).toEqual(['issuer']);
    const missing = await call('documents:update-meta', { id: 'dnothere', patch: { title: 'x' } });
    expect(missing.ok || missing.error.code).toBe('not_found');
  });

  it('lists the ledger, overrides a verdict with a note and refuses an unknown row', async () => {
    const rows = value<LedgerRow[]>(await call('ledger:list', {}));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.verdict === 'pending')).toBe(true);
    const row = value<LedgerRow>(
      await call('ledger:override', { id: rows[0]!.id, verdict: 'met', note: '区统计公报' }),
    );
    expect(row).toMatchObject({
      verdict: 'met',
      computedVerdict: 'pending',
      override: { note: '区统计公报' },
    });
    const unknown = await call('ledger:override', { id: 'nobody|nothing|%|1900', verdict: 'met' });
    expect(unknown.ok || unknown.error.code).toBe('not_found');
    const series = value<{ points: unknown[] }>(
      await call('ledger:series', { issuer: rows[0]!.issuer, indicator: rows[0]!.indicator }),
    );
    expect(series.points.length).toBeGreaterThan(0);
  });
});

describe('yandu meta and yandu ledger', () => {
  it('edits through the CLI with the contract’s field names and refuses bad values', async () => {
    core.close();
    const shown = await runCli([
      'meta',
      docId,
      '--db',
      dbPath,
      '--level',
      '县区',
      '--region',
      '湖里区',
      '--year',
      '2021',
      '--json',
    ]);
    expect(shown.code).toBe(0);
    expect(shown.json()).toMatchObject({
      id: docId,
      level: 'district',
      region: '湖里区',
      year: 2021,
      sources: { region: 'user' },
    });
    const bad = await runCli(['meta', docId, '--db', dbPath, '--date', '29/12/2020']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--date/);
    // A year out of range is told as such, not as "expected number, received string".
    const far = await runCli(['meta', docId, '--db', dbPath, '--year', '99999']);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/--year: Too big: expected number to be <=2200/);
    const word = await runCli(['meta', docId, '--db', dbPath, '--year', 'soon']);
    expect(word.stderr).toMatch(/--year: expected a year such as 2021, got "soon"/);
    const none = await runCli(['meta', 'dnothere', '--db', dbPath, '--title', 'x']);
    expect(none.code).toBe(1);

    const ledger = await runCli(['ledger', '--issuer', '湖里区', '--db', dbPath, '--json']);
    const { rows } = ledger.json<{ rows: LedgerRow[] }>();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['issuer', 'indicator', 'year', 'target', 'outcome', 'verdict']),
      );
      expect(Object.keys(r.target)).toEqual(
        expect.arrayContaining(['docId', 'passageId', 'value', 'unit', 'qualifier']),
      );
    }
    const list = await runCli(['list', '--db', dbPath, '--json']);
    expect(list.json<Record<string, unknown>[]>()[0]).toMatchObject({
      year: 2021,
      level: 'district',
      region: '湖里区',
    });
    core = createCore({ databasePath: dbPath });
  }, 60_000);
});
