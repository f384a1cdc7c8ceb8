import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/main/kernel/app-error';
import { createCore } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { openDatabase } from '../../../electron/main/store/database';
import { migrate } from '../../../electron/main/store/migrate';
import { migrations } from '../../../electron/main/store/migrations';
import { runCli } from '../../helpers/cli';
import { importSeedWithCli } from '../../helpers/seed-cli';

const REPO = path.resolve(__dirname, '../../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ro-'));
  dirs.push(dir);
  return dir;
}

const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Root ignores file modes: the permission test runs the CLI as `nobody` when it can. */
const canDropToNobody =
  process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;

function yanduAsNobody(args: string[]) {
  const run = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, 'bin/yandu.cjs', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, HOME: os.tmpdir() },
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A read-only mount stops root too: tried in a private mount namespace when the machine allows one. */
function mountProbe(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-ro-probe-'));
  const script = `mount -t tmpfs none ${dir} && mount -o remount,ro ${dir}`;
  const ok = spawnSync('unshare', ['-m', 'sh', '-c', script]).status === 0;
  fs.rmSync(dir, { recursive: true, force: true });
  return ok;
}
const canMountReadOnly = mountProbe();

describe('a library without write permission', () => {
  it.skipIf(!canMountReadOnly)('reads a library on a read-only mount, even as root', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.db');
    const { doc } = await importSeedWithCli(db);
    const mount = tempDir();
    const shared = path.join(mount, 'library.db');
    const yandu = (args: string) =>
      `${JSON.stringify(process.execPath)} bin/yandu.cjs ${args} --db ${shared}`;
    const script = [
      `mount -t tmpfs none ${mount}`,
      `cp ${db} ${shared}`,
      `mount -o remount,ro ${mount}`,
      `${yandu('list --json')} > ${dir}/list.json`,
      `${yandu('search 营商环境 --json')} > ${dir}/search.json`,
      `${yandu(`annotate ${doc}-p3 --start 0 --end 2`)} 2> ${dir}/annotate.err; echo $? > ${dir}/annotate.code`,
    ].join(' && ');
    const run = spawnSync('unshare', ['-m', 'sh', '-c', script], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'list.json'), 'utf8'))).toMatchObject([{ id: doc }]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'search.json'), 'utf8')).total).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(dir, 'annotate.code'), 'utf8').trim()).toBe('1');
    expect(fs.readFileSync(path.join(dir, 'annotate.err'), 'utf8')).toContain('资料库是只读的');
  });

  it.skipIf(!canDropToNobody)(
    'lists, searches and exports as a user who may not write it; writes say why not',
    async () => {
      const dir = tempDir();
      const db = path.join(dir, 'library.db');
      const { doc, passages } = await importSeedWithCli(db);
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(db, 0o444);
      fs.chmodSync(dir, 0o555);
      const before = digest(db);

      const list = yanduAsNobody(['list', '--db', db, '--json']);
      expect(list.stderr).toBe('');
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toMatchObject([{ id: doc }]);
      const search = yanduAsNobody(['search', '营商环境', '--db', db, '--json']);
      expect(search.code).toBe(0);
      expect(JSON.parse(search.stdout).total).toBeGreaterThan(0);
      const exported = yanduAsNobody(['export', doc, '--db', db, '--json']);
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout).passages).toHaveLength(passages.length);

      const write = yanduAsNobody(['annotate', passages[3]!.id, '--start', '0', '--end', '2', '--db', db]);
      expect(write.code).toBe(1);
      expect(write.stderr).toContain('资料库是只读的');
      expect(digest(db)).toBe(before);
    },
  );

  it('opens read-only when asked or when writing fails: reading works, writes are refused by code', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.db');
    const { doc } = await importSeedWithCli(file);
    const before = digest(file);
    const core = createCore({ databasePath: file, readonly: true });
    expect(core.ctx.db.readonly).toBe(true);
    expect(await dispatch(core, 'documents:list', {})).toMatchObject({
      ok: true,
      value: [{ id: doc }],
    });
    expect(await dispatch(core, 'documents:get', { id: doc })).toMatchObject({ ok: true });
    const found = await dispatch(core, 'search:query', { query: '营商环境' });
    expect(found).toMatchObject({ ok: true });
    expect((found as { value: { total: number } }).value.total).toBeGreaterThan(0);
    const bundle = (await dispatch(core, 'documents:get', { id: doc })) as {
      value: { passages: { id: string }[] };
    };
    const write = await dispatch(core, 'annotations:create', {
      passageId: bundle.value.passages[2]!.id,
      start: 0,
      end: 2,
    });
    expect(write).toMatchObject({ ok: false, error: { code: 'library_read_only' } });
    core.close();
    expect(digest(file)).toBe(before);
  });

  it('does not migrate a read-only library of an older schema, and says so', () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.db');
    const old = new Database(file);
    migrate(old, migrations.slice(0, -1));
    old.close();
    const before = digest(file);
    let caught: unknown;
    try {
      openDatabase(file, { readonly: true });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('library_read_only_outdated');
    expect((caught as AppError).localized('zh-CN')).toContain('无法升级');
    expect(digest(file)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('refuses an import into a read-only library before reading any file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.db');
    openDatabase(file).close();
    const core = createCore({ databasePath: file, readonly: true });
    await expect(importFiles(core.ctx, [path.join(REPO, 'README.md')])).rejects.toMatchObject({
      code: 'library_read_only',
    });
    core.close();
    expect((await runCli(['list', '--db', file, '--json'])).json()).toEqual([]);
  });
});
