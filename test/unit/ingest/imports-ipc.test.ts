import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatchResult } from '../../../shared/ipc/channels/imports';
import type { ImportProgressEvent } from '../../../shared/ipc/events';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { dispatch, type Handlers } from '../../../electron/main/ipc/dispatch';
import { importHandlers } from '../../../electron/main/ipc/handlers/imports';
import { holdingReader } from '../../fixtures/ingest/holding-reader';
import { SEED_FILE } from './seed-fixture';

let dir: string;
let core: Core;
const call = (payload: unknown) => dispatch(core.handlers, 'imports:start', payload);

const notes = () => path.join(dir, 'notes.txt');
const memo = () => path.join(dir, 'memo.txt');

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ipc-import-'));
  fs.writeFileSync(notes(), '周末去图书馆还书。\n\n下周二给王老师打电话。\n');
  fs.writeFileSync(memo(), '会议纪要\n\n一、会议议定事项。\n\n请各单位抓好落实。\n');
  core = createCore({ databasePath: path.join(dir, 'library.sqlite') });
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('imports:start', () => {
  it('imports absolute paths and reports progress under the batch id the caller chose', async () => {
    const events: ImportProgressEvent[] = [];
    core.ctx.events.on('import:progress', (e) => events.push(e));
    const reply = await call({ files: [SEED_FILE], batchId: 'ui-1' });
    expect(reply.ok).toBe(true);
    const value = (reply as { value: ImportBatchResult }).value;
    expect(value).toMatchObject({ batchId: 'ui-1', skipped: [], failed: [] });
    expect(value.imported).toEqual([
      expect.objectContaining({ title: '2021年湖里区人民政府工作报告', passages: 71 }),
    ]);
    expect(events.filter((e) => e.batchId === 'ui-1').map((e) => e.phase)).toEqual([
      'reading',
      'storing',
      'done',
    ]);
  }, 30_000);

  it('refuses what a renderer must not ask for, before reading anything', async () => {
    fs.mkdirSync(path.join(dir, 'folder'), { recursive: true });
    const cases: [unknown, RegExp][] = [
      [{ files: ['relative/report.txt'] }, /not an absolute path/],
      [{ files: [path.join(dir, 'missing.txt')] }, /no such file/],
      [{ files: [path.join(dir, 'folder')] }, /not a regular file/],
      [{ files: [] }, /files/],
      [{ files: Array.from({ length: 501 }, () => SEED_FILE) }, /files/],
      [{ files: [`/${'x'.repeat(5000)}`] }, /files/],
      [{ files: [SEED_FILE], extra: true }, /extra|Unrecognized/i],
      [{ files: [SEED_FILE], batchId: '../../etc' }, /batchId/],
      [{ files: [SEED_FILE, SEED_FILE], replace: 'd0123456789' }, /exactly one file/],
    ];
    for (const [payload, message] of cases) {
      const reply = await call(payload);
      expect(reply.ok, JSON.stringify(payload).slice(0, 80)).toBe(false);
      const error = (reply as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(message);
    }
    const unknown = await call({ files: [SEED_FILE], replace: 'd0000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('imports:cancel', () => {
  const cancel = (handlers: Handlers, batchId: unknown) => dispatch(handlers, 'imports:cancel', { batchId });

  it('stops a running batch between files: what is stored stays, the rest come back cancelled', async () => {
    const replies: unknown[] = [];
    const off = core.ctx.events.on('import:progress', (e) => {
      if (e.batchId === 'ui-c1' && e.index === 0 && e.phase === 'done')
        void cancel(core.handlers, 'ui-c1').then((r) => replies.push(r));
    });
    const reply = await call({ files: [notes(), SEED_FILE], batchId: 'ui-c1' });
    off();
    expect(replies).toEqual([{ ok: true, value: { cancelled: true } }]);
    const value = (reply as { value: ImportBatchResult }).value;
    expect(value.imported.map((d) => d.file)).toEqual([notes()]);
    expect(value.skipped).toEqual([
      { file: SEED_FILE, code: 'import_cancelled', reason: '已取消：huli-2021.txt 未导入。' },
    ]);
    expect(value.cancelled).toBe(true);
    // The batch is over: cancelling it again finds nothing running.
    expect(await cancel(core.handlers, 'ui-c1')).toEqual({ ok: true, value: { cancelled: false } });
  }, 30_000);

  it('cancels a parse in progress, which is abandoned, not waited for', async () => {
    let handlers: Handlers = core.handlers;
    const reader = holdingReader(SEED_FILE, () => void cancel(handlers, 'ui-c2'));
    handlers = { ...core.handlers, ...importHandlers(core.ctx, { createReader: () => reader }) };
    const reply = await dispatch(handlers, 'imports:start', { files: [memo(), SEED_FILE], batchId: 'ui-c2' });
    expect(reader.held).toEqual([SEED_FILE]);
    const value = (reply as { value: ImportBatchResult }).value;
    expect(value.imported.map((d) => d.title)).toEqual(['会议纪要']);
    expect(value.skipped.map((s) => [s.file, s.code])).toEqual([[SEED_FILE, 'import_cancelled']]);
  }, 30_000);

  it('refuses a malformed batch id and a second batch under a running id', async () => {
    expect(await cancel(core.handlers, '../x')).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await cancel(core.handlers, 'never-started')).toEqual({ ok: true, value: { cancelled: false } });

    const reader = holdingReader(notes());
    const handlers = { ...core.handlers, ...importHandlers(core.ctx, { createReader: () => reader }) };
    const first = dispatch(handlers, 'imports:start', { files: [notes()], batchId: 'ui-c3' });
    const second = await dispatch(handlers, 'imports:start', { files: [memo()], batchId: 'ui-c3' });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect((second as { error: { message: string } }).error.message).toMatch(/already running/);
    await cancel(handlers, 'ui-c3');
    expect(await first).toMatchObject({ ok: true, value: { cancelled: true, imported: [] } });
  });
});
