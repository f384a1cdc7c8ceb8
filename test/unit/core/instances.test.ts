import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareServiceFor } from '../../../electron/main/compare/compare-service';
import { createCore } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { Instances } from '../../../electron/main/kernel/instances';
import { importSeedWithCli } from '../../helpers/seed-cli';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('per-library instances owned by the core', () => {
  it('makes an instance once, and stops and forgets all of them together', () => {
    const instances = new Instances();
    const stopped: string[] = [];
    const a = instances.get('a', () => ({ stop: () => stopped.push('a') }));
    expect(instances.get('a', () => ({ stop: () => stopped.push('other') }))).toBe(a);
    instances.get('b', () => ({
      stop: () => {
        throw new Error('b would not stop');
      },
    }));
    instances.get('c', () => ({ stop: () => stopped.push('c') }));
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    instances.stopAll();
    // One that fails to stop is logged; the others are stopped all the same.
    expect(stopped).toEqual(['a', 'c']);
    expect(String(log.mock.calls[0]?.[0])).toContain('b would not stop');
    log.mockRestore();
    expect(instances.get('a', () => ({ fresh: true }))).toEqual({ fresh: true });
  });

  it('a restore stops them all and starts afresh: no undo of a deletion made in the library it replaced', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-instances-'));
    dirs.push(dir);
    const file = path.join(dir, 'library.db');
    const { doc } = await importSeedWithCli(file);
    const core = createCore({ databasePath: file });
    try {
      const compareBefore = compareServiceFor(core.ctx);
      expect(compareServiceFor(core.ctx)).toBe(compareBefore);

      const deleted = await core.call('documents:delete', { id: doc, keep: 'orphan' });
      // A backup without the document, restored: the document is absent as before, but the
      // library is another file, and the deletion's undo belonged to the one it replaced.
      const backup = await core.call('backups:create', {});
      await core.call('backups:restore', { id: backup.id });
      expect(await core.call('documents:list', {})).toEqual([]);

      const undo = await dispatch(core, 'documents:undo-delete', { undoId: deleted.undoId });
      expect(undo).toMatchObject({ ok: false, error: { code: 'undo_unavailable' } });
      expect(compareServiceFor(core.ctx)).not.toBe(compareBefore);
    } finally {
      core.close();
    }
  }, 60_000);
});
