import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatchResult } from '../../../shared/ipc/channels/imports';
import type { ImportProgressEvent } from '../../../shared/ipc/events';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { SEED_FILE } from './seed-fixture';

let dir: string;
let core: Core;
const call = (payload: unknown) => dispatch(core.handlers, 'imports:start', payload);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ipc-import-'));
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
