import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { AppError } from '../../../electron/main/kernel/app-error';
import { runCli } from '../../helpers/cli';
import { importSeedWithCli } from '../../helpers/seed-cli';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

async function seededLibrary() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-door-'));
  dirs.push(dir);
  const db = path.join(dir, 'library.db');
  const { passages } = await importSeedWithCli(db);
  return { db, passageId: passages[3]!.id };
}

const annotationCount = (db: string) => {
  const core = createCore({ databasePath: db });
  try {
    return (core.ctx.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n;
  } finally {
    core.close();
  }
};

/** A note of 30,000 characters with 60 tags of 100: over every annotation limit of the contract. */
const note = '注'.repeat(30_000);
const tags = Array.from({ length: 60 }, (_, i) => `${i}-`.padEnd(100, '标'));

describe('one front door: the same request gets the same answer through IPC and the CLI', () => {
  it('refuses an oversized annotation through IPC dispatch and through `yandu annotate`, storing nothing', async () => {
    const { db, passageId } = await seededLibrary();

    const core = createCore({ databasePath: db });
    const ipc = await dispatch(core, 'annotations:create', { passageId, start: 0, end: 2, note, tags });
    core.close();
    expect(ipc.ok).toBe(false);
    const refusal = (ipc as { error: { code: string; message: string } }).error;
    expect(refusal.code).toBe('invalid_request');

    const cli = await runCli([
      'annotate',
      passageId,
      '--start',
      '0',
      '--end',
      '2',
      '--note',
      note,
      ...tags.flatMap((t) => ['--tag', t]),
      '--db',
      db,
      '--json',
    ]);
    expect(cli.code).toBe(2);
    expect(cli.stdout).toBe('');
    // The very message the window shows, word for word.
    expect(cli.stderr).toBe(`yandu annotate: ${refusal.message}\n`);
    expect(annotationCount(db)).toBe(0);
  }, 60_000);

  it('applies the same limits to core.call itself, the door of the test bridge and the bench', async () => {
    const { db, passageId } = await seededLibrary();
    const core = createCore({ databasePath: db });
    try {
      const refused = await core
        .call('annotations:create', { passageId, start: 0, end: 2, note, tags })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('invalid_request');
      // Within the limits, the same call stores the annotation.
      const made = await core.call('annotations:create', {
        passageId,
        start: 0,
        end: 2,
        note: '注'.repeat(20_000),
        tags: tags.slice(0, 50).map((t) => t.slice(0, 40)),
      });
      expect(made.tags).toHaveLength(50);
    } finally {
      core.close();
    }
    expect(annotationCount(db)).toBe(1);
  }, 60_000);

  it('refuses a write on a read-only library before the handler runs, through every door', async () => {
    const { db, passageId } = await seededLibrary();
    const core = createCore({ databasePath: db, readonly: true });
    const ipc = await dispatch(core, 'annotations:create', { passageId, start: 0, end: 2 });
    core.close();
    expect(ipc).toMatchObject({ ok: false, error: { code: 'library_read_only' } });
    expect(annotationCount(db)).toBe(0);
  }, 60_000);
});
