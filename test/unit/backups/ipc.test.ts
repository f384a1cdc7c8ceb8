import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { openLibraryOrRecover } from '../../../electron/main/library-recovery';
import { addSeed } from '../annotations/seed-library';

const tempLibrary = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bk-ipc-')), 'library.db');
const call = (core: Core, channel: string, payload: unknown) => dispatch(core, channel, payload);

describe('backups over IPC', () => {
  it('lists, creates and restores by id, and sets the policy', async () => {
    const file = tempLibrary();
    const core = createCore({ databasePath: file });
    addSeed(core.ctx.db);
    const made = (await call(core, 'backups:create', {})) as { ok: true; value: { id: string } };
    expect(made).toMatchObject({ ok: true, value: { reason: 'manual', documents: 1, problem: null } });
    core.ctx.db.prepare('DELETE FROM documents').run();
    const restored = await call(core, 'backups:restore', { id: made.value.id });
    expect(restored).toMatchObject({ ok: true, value: { documents: 1 } });
    expect(await call(core, 'documents:list', {})).toMatchObject({ ok: true, value: [{}] });
    const list = (await call(core, 'backups:list', {})) as {
      value: { backups: { reason: string }[]; policy: unknown; readOnly: boolean };
    };
    expect(list.value.backups.map((b) => b.reason)).toEqual(['pre-restore', 'manual']);
    expect(list.value.readOnly).toBe(false);
    expect(await call(core, 'backups:set-policy', { keepDaily: 3, intervalHours: 12 })).toEqual({
      ok: true,
      value: { keepDaily: 3, intervalHours: 12 },
    });
    core.close();
  });

  it('never takes a path from the renderer, and refuses malformed requests', async () => {
    const file = tempLibrary();
    const core = createCore({ databasePath: file });
    const elsewhere = path.join(path.dirname(file), 'elsewhere.db');
    fs.copyFileSync(file, elsewhere);
    for (const id of [elsewhere, '../library', 'library-20260101T000000000Z-manual/../../x'])
      expect(await call(core, 'backups:restore', { id })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    for (const [channel, payload] of [
      ['backups:restore', {}],
      ['backups:restore', { id: 'x'.repeat(1000) }],
      ['backups:restore', { id: 'x', file: '/etc/passwd' }],
      ['backups:create', { out: '/tmp/x.db' }],
      ['backups:set-policy', { keepDaily: 0, intervalHours: 24 }],
      ['backups:set-policy', { keepDaily: 5, intervalHours: -1 }],
      ['backups:set-policy', { keepDaily: 5.5, intervalHours: 1 }],
    ] as const)
      expect(await call(core, channel, payload), channel).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    core.close();
  });
});

describe('opening a damaged library in the app', () => {
  it('offers the newest sound backup, restores it when accepted, and keeps the damaged file', async () => {
    const file = tempLibrary();
    const core = createCore({ databasePath: file });
    addSeed(core.ctx.db);
    await call(core, 'backups:create', {});
    core.close();
    fs.writeFileSync(file, Buffer.alloc(40_000, 0x42));
    const asked: string[] = [];
    const reopened = await openLibraryOrRecover(() => createCore({ databasePath: file }), file, undefined, {
      ask: async (message) => (asked.push(message), 0),
    });
    expect(asked[0]).toContain('1 篇文档');
    expect(await call(reopened, 'documents:list', {})).toMatchObject({ ok: true, value: [{}] });
    reopened.close();

    fs.writeFileSync(file, Buffer.alloc(40_000, 0x42));
    await expect(
      openLibraryOrRecover(() => createCore({ databasePath: file }), file, undefined, { ask: async () => 1 }),
    ).rejects.toMatchObject({ code: 'database_unreadable' });
    expect(fs.readFileSync(file).every((b) => b === 0x42)).toBe(true);
  });
});
