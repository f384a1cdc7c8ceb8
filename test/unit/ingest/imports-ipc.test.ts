import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatchResult } from '../../../shared/ipc/channels/imports';
import type { ImportProgressEvent } from '../../../shared/ipc/events';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { withStandIns } from '../../helpers/ipc';
import { importHandlers } from '../../../electron/main/ingest/domain';
import { holdingReader } from '../../fixtures/ingest/holding-reader';
import { SEED_FILE } from './seed-fixture';

let dir: string;
let core: Core;
const call = (payload: unknown) => dispatch(core, 'imports:start', payload);
/** Tokens as main issues them for files chosen in the dialog or dropped. */
const tokensFor = (...files: string[]) => core.ctx.importTokens.issue(files).map((f) => f.token);

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
  it('imports chosen files by token and reports progress under the batch id the caller chose', async () => {
    const events: ImportProgressEvent[] = [];
    core.ctx.events.on('import:progress', (e) => events.push(e));
    const reply = await call({ tokens: tokensFor(SEED_FILE), batchId: 'ui-1' });
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
    const huge = 'k'.repeat(100_000);
    const cases: [unknown, RegExp][] = [
      // A path instead of a token: the renderer cannot name files itself.
      [{ tokens: [SEED_FILE] }, /not a file token/],
      [{ files: [SEED_FILE] }, /tokens|Unrecognized/i],
      [{ tokens: [] }, /tokens/],
      [{ tokens: Array.from({ length: 501 }, () => tokensFor(SEED_FILE)[0]) }, /tokens/],
      [{ tokens: tokensFor(SEED_FILE), extra: true }, /extra|Unrecognized/i],
      [{ tokens: tokensFor(SEED_FILE), batchId: '../../etc' }, /batchId/],
      [{ tokens: tokensFor(SEED_FILE, SEED_FILE), replace: 'd0123456789' }, /exactly one file/],
    ];
    for (const [payload, message] of cases) {
      const reply = await call(payload);
      expect(reply.ok, JSON.stringify(payload).slice(0, 80)).toBe(false);
      const error = (reply as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('invalid_request');
      expect(error.message).toMatch(message);
    }
    // A well-formed token main never issued.
    expect(await call({ tokens: ['0123456789abcdef0123456789abcdef'] })).toMatchObject({
      ok: false,
      error: { code: 'import_token_unknown' },
    });
    const unknown = await call({ tokens: tokensFor(SEED_FILE), replace: 'd0000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // What was sent is never echoed back in full.
    const echoed = await call({ tokens: tokensFor(SEED_FILE), [huge]: 1 });
    expect(JSON.stringify(echoed).length).toBeLessThan(1000);
    const drop = await dispatch(core, 'imports:register-drop', { paths: [`relative/${huge}`] });
    expect(drop).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(JSON.stringify(drop).length).toBeLessThan(1000);
    expect(await dispatch(core, 'imports:register-drop', { paths: [] })).toMatchObject({
      ok: false,
    });
  });

  it('imports a dropped file by the token main gave for it', async () => {
    const dropped = path.join(dir, 'dropped.txt');
    fs.writeFileSync(dropped, '拖入的材料\n\n拖入文件的正文。\n');
    const reply = await dispatch(core, 'imports:register-drop', { paths: [dropped] });
    const chosen = (reply as { value: { token: string; name: string; path: string }[] }).value;
    expect(chosen).toEqual([
      { token: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'dropped.txt', path: dropped },
    ]);
    const imported = await call({ tokens: chosen.map((c) => c.token) });
    expect((imported as { value: ImportBatchResult }).value.imported.map((d) => d.file)).toEqual([dropped]);
  });

  it('fails a chosen file that is missing or not a regular file with one and the same message', async () => {
    fs.mkdirSync(path.join(dir, 'folder'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'folder', 'inner.txt'), '文件夹中的材料\n\n正文。\n');
    const missing = path.join(dir, 'missing.txt');
    const link = path.join(dir, 'to-device.txt');
    fs.symlinkSync('/dev/null', link);
    const reply = await call({ tokens: tokensFor(missing, link) });
    const failed = (reply as { value: ImportBatchResult }).value.failed;
    expect(failed.map((f) => f.code)).toEqual(['file_missing', 'file_missing']);
    expect(failed[0]!.error.replace('missing.txt', 'X')).toBe(failed[1]!.error.replace('to-device.txt', 'X'));
    // A chosen folder stands for its files.
    expect(core.ctx.importTokens.issue([path.join(dir, 'folder')]).map((c) => c.name)).toEqual(['inner.txt']);
  });

  it('refuses a drop of more files than the window imports at once, saying how many, instead of cutting it short', async () => {
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i <= 500; i++)
      fs.writeFileSync(path.join(many, `${String(i).padStart(3, '0')}.txt`), `${i}\n`);
    const reply = await dispatch(core, 'imports:register-drop', { paths: [many] }, { locale: 'en' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'import_too_many', message: expect.stringMatching(/holds 501 files; at most 500/) },
    });
    // The command line registers up to 5,000 (it imports them in batches of 500).
    const local = await core.call('imports:register-local', { paths: [many] });
    expect(local).toHaveLength(501);
    expect(local.at(-1)!.name).toBe('500.txt');
  });
});

describe('imports:cancel', () => {
  const cancel = (door: Pick<Core, 'call'>, batchId: unknown) =>
    dispatch(door, 'imports:cancel', { batchId });

  it('stops a running batch between files: what is stored stays, the rest come back cancelled', async () => {
    const replies: unknown[] = [];
    const off = core.ctx.events.on('import:progress', (e) => {
      if (e.batchId === 'ui-c1' && e.index === 0 && e.phase === 'done')
        void cancel(core, 'ui-c1').then((r) => replies.push(r));
    });
    const reply = await call({ tokens: tokensFor(notes(), SEED_FILE), batchId: 'ui-c1' });
    off();
    expect(replies).toEqual([{ ok: true, value: { cancelled: true } }]);
    const value = (reply as { value: ImportBatchResult }).value;
    expect(value.imported.map((d) => d.file)).toEqual([notes()]);
    expect(value.skipped).toEqual([
      { file: SEED_FILE, code: 'import_cancelled', reason: '已取消：huli-2021.txt 未导入。' },
    ]);
    expect(value.cancelled).toBe(true);
    // The batch is over: cancelling it again finds nothing running.
    expect(await cancel(core, 'ui-c1')).toEqual({ ok: true, value: { cancelled: false } });
  }, 30_000);

  it('cancels a parse in progress, which is abandoned, not waited for', async () => {
    let door: Pick<Core, 'call'> = core;
    const reader = holdingReader(SEED_FILE, () => void cancel(door, 'ui-c2'));
    door = withStandIns(core, importHandlers(core.ctx, { createReader: () => reader }));
    const reply = await dispatch(door, 'imports:start', {
      tokens: tokensFor(memo(), SEED_FILE),
      batchId: 'ui-c2',
    });
    expect(reader.held).toEqual([SEED_FILE]);
    const value = (reply as { value: ImportBatchResult }).value;
    expect(value.imported.map((d) => d.title)).toEqual(['会议纪要']);
    expect(value.skipped.map((s) => [s.file, s.code])).toEqual([[SEED_FILE, 'import_cancelled']]);
  }, 30_000);

  it('refuses a malformed batch id and a second batch under a running id', async () => {
    expect(await cancel(core, '../x')).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await cancel(core, 'never-started')).toEqual({ ok: true, value: { cancelled: false } });

    const reader = holdingReader(notes());
    const door = withStandIns(core, importHandlers(core.ctx, { createReader: () => reader }));
    const first = dispatch(door, 'imports:start', { tokens: tokensFor(notes()), batchId: 'ui-c3' });
    const second = await dispatch(door, 'imports:start', { tokens: tokensFor(memo()), batchId: 'ui-c3' });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect((second as { error: { message: string } }).error.message).toMatch(/already running/);
    await cancel(door, 'ui-c3');
    expect(await first).toMatchObject({ ok: true, value: { cancelled: true, imported: [] } });
  });
});
