import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { insertDocument } from '../../../electron/main/store/document-writer';
import { channelNames, contract, coreContract, mergeChannels } from '../../../shared/ipc/contract';
import { withStandIns } from '../../helpers/ipc';
import { sampleDocument } from '../../helpers/sample-document';

function core() {
  const c = createCore({ databasePath: ':memory:' });
  const id = insertDocument(c.ctx.db, sampleDocument(), { file: null, format: null });
  return { ...c, id };
}

describe('IPC dispatch', () => {
  it('answers a valid request with the handler value', async () => {
    const { id, ...c } = core();
    const result = await dispatch(c, 'documents:get', { id });
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value as { passages: unknown[] }).passages).toHaveLength(3);
  });

  it('refuses an unknown channel without calling anything', async () => {
    const c = core();
    expect(await dispatch(c, 'fs:readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: '未知的请求通道：fs:readFile' },
    });
    const proto = await dispatch(c, '__proto__', {});
    expect(proto.ok).toBe(false);
  });

  it.each([
    ['missing field', {}],
    ['wrong type', { id: 42 }],
    ['extra field', { id: 'x', sql: 'DROP TABLE documents' }],
    ['oversized id', { id: 'x'.repeat(10_000) }],
    ['not an object', 'd123'],
  ])('refuses a malformed request (%s)', async (_label, payload) => {
    const result = await dispatch(core(), 'documents:get', payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_request');
  });

  it('turns a user-facing error into its code and localised message', async () => {
    const result = await dispatch(core(), 'documents:get', { id: 'nope' }, { locale: 'en' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('nope') },
    });
  });

  it('hides unexpected exceptions behind a generic internal error', async () => {
    const logged: unknown[] = [];
    const broken = withStandIns(core(), {
      'documents:list': () => {
        throw new Error('SQLITE_CORRUPT at /secret/path');
      },
    });
    const result = await dispatch(broken, 'documents:list', {}, { logError: (_c, e) => logged.push(e) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(JSON.stringify(result.error)).not.toContain('/secret/path');
    }
    expect(logged).toHaveLength(1);
  });

  it('has a handler for every channel of the contract, and for the local channels of the core', () => {
    const { handlers } = core();
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(coreContract).sort());
    expect(channelNames.every((name) => name in handlers)).toBe(true);
  });

  it("refuses the core's local channels (they name files) as unknown channels", async () => {
    const result = await dispatch(core(), 'backups:create-file', { out: '/tmp/yandu-ipc-probe.db' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const register = await dispatch(core(), 'imports:register-local', { paths: ['/etc'] });
    expect(register).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('refuses a channel defined by two domains', () => {
    expect(() => mergeChannels(contract, { 'documents:list': contract['documents:list'] })).toThrow(/twice/);
  });
});
