import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const build = createRequire(__filename)(path.join(root, 'scripts/build-cli.cjs')) as {
  buildCli(): string;
  isFresh(): boolean;
  OUT_FILE: string;
};
const seed = path.join(root, 'resources/documents/huli-2021.txt');

/**
 * An installed app's layout, as electron-builder lays it out on Linux: <install>/yandu (the app
 * binary; here a link to this Node, standing in for Electron run as Node), <install>/resources/bin/
 * (the launchers), <install>/resources/app/out/cli (the bundle) and the app's node_modules.
 */
function fakeInstall(): { install: string; launcher: string } {
  const install = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-install-'));
  const resources = path.join(install, 'resources');
  fs.mkdirSync(path.join(resources, 'bin'), { recursive: true });
  fs.mkdirSync(path.join(resources, 'app', 'out'), { recursive: true });
  fs.cpSync(path.dirname(build.OUT_FILE), path.join(resources, 'app', 'out', 'cli'), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(resources, 'app', 'node_modules'));
  for (const name of ['yandu', 'yandu.cmd'])
    fs.copyFileSync(path.join(root, 'resources/cli', name), path.join(resources, 'bin', name));
  fs.chmodSync(path.join(resources, 'bin', 'yandu'), 0o755);
  fs.symlinkSync(process.execPath, path.join(install, 'yandu'));
  return { install, launcher: path.join(resources, 'bin', 'yandu') };
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  build.buildCli();
}, 60_000);

describe.skipIf(process.platform === 'win32')('packaged `yandu` launcher', () => {
  it('runs the bundled CLI with the app binary as its runtime, also through a PATH symlink', () => {
    const { install, launcher } = fakeInstall();
    const db = path.join(install, 'library.db');
    const imported = run(launcher, ['import', seed, '--db', db, '--json']);
    expect(imported.stderr).toMatch(/\[1\/1\] done/);
    expect(imported.code).toBe(0);

    // /usr/bin/yandu is a link to the launcher: it must find the app from its real location.
    const onPath = path.join(install, 'usr-bin');
    fs.mkdirSync(onPath);
    fs.symlinkSync(launcher, path.join(onPath, 'yandu'));
    const listed = run(path.join(onPath, 'yandu'), ['list', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as { title: string }[];
    expect(rows.map((r) => r.title)).toEqual(['2021年湖里区人民政府工作报告']);
  }, 60_000);

  it('honours YANDU_RUNTIME, and passes usage errors through with exit code 2', () => {
    const { install, launcher } = fakeInstall();
    fs.rmSync(path.join(install, 'yandu'));
    const missing = run(launcher, ['list']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot find the app's runtime/);

    const help = run(launcher, ['--help'], { YANDU_RUNTIME: process.execPath });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^研读 Yandu/);
    const bad = run(launcher, ['list', '--no-such-option'], { YANDU_RUNTIME: process.execPath });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/yandu list:/);
  }, 60_000);

  it('yandu.cmd names the same runtime variable and bundle path', () => {
    const cmd = fs.readFileSync(path.join(root, 'resources/cli/yandu.cmd'), 'utf8');
    expect(cmd).toMatch(/\r\n/);
    expect(cmd).toContain('ELECTRON_RUN_AS_NODE=1');
    expect(cmd).toContain('YANDU_RUNTIME');
    expect(cmd).toContain('out\\cli\\yandu.cjs');
  });
});

describe('bin/yandu.cjs in a checkout', () => {
  it('rebuilds a stale bundle on first use, then uses it', () => {
    const entry = path.join(root, 'electron/cli/entry.ts');
    const stat = fs.statSync(entry);
    expect(build.isFresh()).toBe(true);
    // Touching a source file makes the bundle stale; the next start rebuilds it.
    fs.utimesSync(entry, stat.atime, new Date(stat.mtimeMs + 1000));
    try {
      expect(build.isFresh()).toBe(false);
      const help = run(process.execPath, [path.join(root, 'bin/yandu.cjs'), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^研读 Yandu/);
      expect(build.isFresh()).toBe(true);
    } finally {
      fs.utimesSync(entry, stat.atime, stat.mtime);
      build.buildCli();
    }
  }, 60_000);
});

describe.skipIf(process.platform === 'win32')('the code cache of the bundled CLI', () => {
  const caches = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

  it('is written after a first start, used by the next, and replaced when V8 rejects it', () => {
    const { install, launcher } = fakeInstall();
    const cli = path.join(install, 'resources', 'app', 'out', 'cli');
    for (const stale of caches(cli)) fs.rmSync(path.join(cli, stale));
    const db = path.join(install, 'library.db');
    const list = () => run(launcher, ['list', '--db', db, '--json'], { YANDU_DEBUG: '1' });

    expect(list().stdout).toBe('[]\n');
    const [cache] = caches(cli);
    expect(cache).toMatch(/^yandu-core\.v\d+.*\.v8cache$/);
    const written = fs.statSync(path.join(cli, cache!)).mtimeMs;
    expect(list().stdout).toBe('[]\n');
    // Accepted: not written again.
    expect(fs.statSync(path.join(cli, cache!)).mtimeMs).toBe(written);

    fs.writeFileSync(path.join(cli, cache!), 'not a code cache');
    const after = list();
    expect(after.code).toBe(0);
    expect(after.stdout).toBe('[]\n');
    expect(fs.readFileSync(path.join(cli, cache!)).length).toBeGreaterThan(10_000);
    expect(caches(cli)).toEqual([cache]);
  }, 60_000);

  it('takes the cache once the bundle has loaded, before any command runs', () => {
    const { install } = fakeInstall();
    const cli = path.join(install, 'resources', 'app', 'out', 'cli');
    for (const stale of caches(cli)) fs.rmSync(path.join(cli, stale));
    // Taken at the end of the first run, the cache held what that command compiled: after a
    // 500-report import, every later `yandu list` started 30 ms slower (2.2 x a bare start, 1.7 x).
    const probe = `const vm = require('node:vm');
      let taken = 0;
      const take = vm.Script.prototype.createCachedData;
      vm.Script.prototype.createCachedData = function () { taken++; return take.call(this); };
      require(${JSON.stringify(path.join(cli, 'yandu.cjs'))});
      process.stdout.write(String(taken));`;
    const loaded = run(process.execPath, ['-e', probe]);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toBe('1');
    expect(caches(cli)).toHaveLength(1);
  }, 60_000);

  const canDropToNobody =
    process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;
  it.skipIf(!canDropToNobody)('goes to the user’s own cache folder when the app folder is read-only', () => {
    const { install } = fakeInstall();
    fs.chmodSync(install, 0o755);
    const cli = path.join(install, 'resources', 'app', 'out', 'cli');
    for (const stale of caches(cli)) fs.rmSync(path.join(cli, stale));
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-cache-home-'));
    fs.chownSync(home, 65534, 65534);
    const started = spawnSync(
      'runuser',
      ['-u', 'nobody', '--', process.execPath, path.join(cli, 'yandu.cjs'), '--help'],
      { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home }, timeout: 60_000 },
    );
    expect(started.stdout).toMatch(/^研读 Yandu/);
    expect(caches(cli)).toEqual([]);
    expect(caches(path.join(home, 'yandu'))).toHaveLength(1);
    expect(fs.statSync(path.join(home, 'yandu')).mode & 0o777).toBe(0o700);
  }, 60_000);
});
