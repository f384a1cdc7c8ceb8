import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import type { Briefing } from '../../../shared/domain/briefings';
import { addSeed, passagesOf } from '../annotations/seed-library';

function setup() {
  const core = createCore({ databasePath: ':memory:' });
  const doc = addSeed(core.ctx.db);
  const call = (channel: string, payload: unknown) => dispatch(core, channel, payload);
  return { core, doc, call };
}

const value = <T>(r: { ok: boolean; value?: unknown }) => {
  expect(r.ok).toBe(true);
  return r.value as T;
};

describe('briefings IPC', () => {
  it('creates, fills, reorders, undoes and lists through the contract', async () => {
    const { core, doc, call } = setup();
    const passage = passagesOf(core.ctx.db, doc)[4]!;
    const b = value<Briefing>(await call('briefings:create', { title: '学习材料', date: '2021-03-01' }));
    await call('briefings:add', { briefingId: b.id, addition: { kind: 'heading', text: '一、要点' } });
    const filled = value<Briefing>(
      await call('briefings:add', {
        briefingId: b.id,
        addition: { kind: 'excerpt', passageId: passage.id, start: 0, end: 6 },
        index: 0,
      }),
    );
    expect(filled.items.map((i) => i.kind)).toEqual(['excerpt', 'heading']);
    const moved = value<Briefing>(
      await call('briefings:move-item', { briefingId: b.id, itemId: filled.items[0]!.id, to: 1 }),
    );
    expect(moved.items.map((i) => i.kind)).toEqual(['heading', 'excerpt']);
    expect(value<{ action: string }>(await call('briefings:undo', { briefingId: b.id })).action).toBe('move');
    expect(value(await call('briefings:history', { briefingId: b.id }))).toEqual({
      undo: 'add',
      redo: 'move',
    });
    expect(value(await call('briefings:list', {}))).toEqual([
      expect.objectContaining({ id: b.id, title: '学习材料', itemCount: 2, flagged: 0 }),
    ]);
    expect(value(await call('briefings:delete', { id: b.id }))).toEqual({ id: b.id });
    expect(value(await call('briefings:list', {}))).toEqual([]);
  });

  it.each([
    ['briefings:create', { title: '' }],
    ['briefings:create', { title: 'x', date: '1st of May' }],
    ['briefings:create', { title: 'x'.repeat(201) }],
    ['briefings:get', { id: 'x'.repeat(10_000) }],
    ['briefings:add', { briefingId: 'b', addition: { kind: 'excerpt', path: '/etc/passwd' } }],
    ['briefings:add', { briefingId: 'b', addition: { kind: 'heading', text: 'x', level: 7 } }],
    ['briefings:add', { briefingId: 'b', addition: { kind: 'note', text: 'x'.repeat(20_001) } }],
    ['briefings:move-item', { briefingId: 'b', itemId: 'i', to: -1 }],
    ['briefings:edit-item', { briefingId: 'b', itemId: 'i', sql: 'DROP TABLE briefings' }],
    ['briefings:undo', 'b'],
  ])('refuses a malformed request on %s', async (channel, payload) => {
    const { call } = setup();
    const result = await call(channel, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_request');
  });

  it('answers unknown ids and bad ranges with their codes', async () => {
    const { core, doc, call } = setup();
    expect(await call('briefings:get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const b = value<Briefing>(await call('briefings:create', { title: 't' }));
    const passage = passagesOf(core.ctx.db, doc)[4]!;
    expect(
      await call('briefings:add', {
        briefingId: b.id,
        addition: { kind: 'excerpt', passageId: passage.id, start: 5, end: 2 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'excerpt_range' } });
    expect(value<Briefing>(await call('briefings:get', { id: b.id })).items).toEqual([]);
  });

  it('exports where the user chooses, and says so where no save dialog exists', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-briefing-ipc-')), 'out.md');
    const asked: string[] = [];
    const core = createCore({
      databasePath: ':memory:',
      platform: {
        chooseDocuments: async () => [],
        chooseSaveFile: async ({ defaultName }) => (asked.push(defaultName), file),
      },
    });
    addSeed(core.ctx.db);
    const call = (channel: string, payload: unknown) => dispatch(core, channel, payload);
    const b = value<Briefing>(await call('briefings:create', { title: '学习/材料' }));
    await call('briefings:add', { briefingId: b.id, addition: { kind: 'heading', text: '一、要点' } });
    const options = { layout: 'standard', notes: 'endnotes', highlightStyle: 'fill' };
    expect(value(await call('briefings:export', { id: b.id, options, format: 'md' }))).toEqual({
      file,
      bytes: fs.statSync(file).size,
    });
    expect(asked).toEqual(['学习_材料.md']);
    expect(fs.readFileSync(file, 'utf8')).toContain('一、要点');
    expect(
      await call('briefings:export', { id: b.id, options: { ...options, layout: 'a5' }, format: 'md' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    const { call: bare } = setup();
    const other = value<Briefing>(await bare('briefings:create', { title: 't' }));
    expect(await bare('briefings:export', { id: other.id, options, format: 'pdf' })).toMatchObject({
      ok: false,
      error: { code: 'print_unavailable' },
    });
  });
});
