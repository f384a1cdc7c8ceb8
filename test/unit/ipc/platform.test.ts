import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';

describe('app:choose-documents', () => {
  it('asks the platform for files, folders, or a single file, and returns what was chosen', async () => {
    const asked: unknown[] = [];
    const core = createCore({
      databasePath: ':memory:',
      platform: {
        chooseDocuments: async (options) => {
          asked.push(options);
          return ['/reports/a.txt'];
        },
      },
    });
    // Each chosen file comes back under a token, the only thing `imports:start` takes.
    expect(await dispatch(core, 'app:choose-documents', {})).toEqual({
      ok: true,
      value: [{ token: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'a.txt', path: '/reports/a.txt' }],
    });
    await dispatch(core, 'app:choose-documents', { folder: true });
    await dispatch(core, 'app:choose-documents', { multiple: false });
    expect(asked).toEqual([
      { folder: false, multiple: true },
      { folder: true, multiple: true },
      { folder: false, multiple: false },
    ]);
  });

  it('answers nothing chosen where no desktop dialog exists (CLI, tests)', async () => {
    const core = createCore({ databasePath: ':memory:' });
    expect(await dispatch(core, 'app:choose-documents', {})).toEqual({ ok: true, value: [] });
  });
});
