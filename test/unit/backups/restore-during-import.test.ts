import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { readDocument } from '../../../electron/main/ingest/read-document';
import type { DocumentReader } from '../../../electron/main/ingest/worker/parse-client';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { runCli } from '../../helpers/cli';
import { SEED_FILE } from '../ingest/seed-fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-restore-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A reader that holds every file until `release` is called: an import caught mid-way. */
function heldReader() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reading!: () => void;
  const started = new Promise<void>((resolve) => (reading = resolve));
  const reader: DocumentReader = {
    mode: 'inline',
    workersStarted: 0,
    async read(file) {
      reading();
      await gate;
      return readDocument(file);
    },
    close: async () => {},
  };
  return { reader, started, release };
}

describe('a restore while documents are imported', () => {
  it('is refused with import_running over IPC, and works once the import is over', async () => {
    const db = path.join(dir, 'ipc.db');
    const core = createCore({ databasePath: db });
    const made = (await dispatch(core, 'backups:create', {})) as { ok: true; value: { id: string } };
    const { reader, started, release } = heldReader();
    const importing = importFiles(core.ctx, [SEED_FILE], { reader });
    await started;
    expect(fs.readdirSync(dir).some((f) => f.startsWith('ipc.db.importing-'))).toBe(true);
    const refused = await dispatch(core, 'backups:restore', { id: made.value.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'import_running' } });
    expect((refused as { error: { message: string } }).error.message).toContain(
      '正在向资料库 ipc.db 导入文档',
    );
    release();
    expect((await importing).imported).toHaveLength(1);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('ipc.db.importing-'))).toBe(false);
    expect(await dispatch(core, 'backups:restore', { id: made.value.id })).toMatchObject({
      ok: true,
      value: { documents: 0 },
    });
    core.close();
  });

  it('is refused by yandu restore while another process imports, and a crashed import’s marker is ignored', async () => {
    const db = path.join(dir, 'cli.db');
    expect((await runCli(['import', SEED_FILE, '--db', db])).code).toBe(0);
    const out = path.join(dir, 'cli-backup.db');
    expect((await runCli(['backup', '--out', out, '--db', db])).code).toBe(0);
    // Another process importing into the library: its marker, naming a process that is alive.
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(`${db}.importing-${other.pid}`, '');
      const refused = await runCli(['restore', out, '--db', db, '--json']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('正在向资料库 cli.db 导入文档，资料库未作改动');
    } finally {
      other.kill();
    }
    await new Promise((resolve) => other.once('exit', resolve));
    // The process is gone (as after a crash): its marker no longer stands in the way.
    expect(fs.existsSync(`${db}.importing-${other.pid}`)).toBe(true);
    expect((await runCli(['restore', out, '--db', db, '--json'])).code).toBe(0);
  });
});
