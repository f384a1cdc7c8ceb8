import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
let bundle = '';

beforeAll(() => {
  const build = createRequire(__filename)(path.join(root, 'scripts/build-cli.cjs')) as { buildCli(): string };
  bundle = build.buildCli();
}, 60_000);

/**
 * `yandu list --json` from the bundle into a pipe, over a new library; at exit the child prints
 * (on stderr, whose stream is built only then) what it had loaded: builtins and files required.
 */
function listInChild(): {
  status: number | null;
  rows: unknown;
  loaded: { builtins: string[]; files: string[]; collators: number };
} {
  const db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-start-')), 'library.db');
  // Collators made are counted: listing an empty library sorts no text, so any is made at load.
  const probe = `let collators = 0;
    Intl.Collator = new Proxy(Intl.Collator, { construct: (C, args) => (collators++, new C(...args)) });
    process.on('exit', () => {
      const loaded = { builtins: [...process.moduleLoadList], files: Object.keys(require.cache), collators };
      process.stderr.write(JSON.stringify(loaded));
    });
    require(${JSON.stringify(bundle)}).runCli(process.argv.slice(1));`;
  const result = spawnSync(process.execPath, ['-e', probe, '--', 'list', '--db', db, '--json'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, rows: JSON.parse(result.stdout), loaded: JSON.parse(result.stderr) };
}

describe.skipIf(process.platform === 'win32')('start of yandu list from the bundle', () => {
  it('prints the listing into a pipe without building a stdout stream (the net module)', () => {
    const { status, rows, loaded } = listInChild();
    expect(status).toBe(0);
    expect(rows).toEqual([]);
    expect(loaded.builtins).not.toContain('NativeModule net');
  }, 90_000);

  it('makes no ICU collator while it loads (loading its locale data was a third of a yandu list)', () => {
    const { status, loaded } = listInChild();
    expect(status).toBe(0);
    expect(loaded.collators).toBe(0);
  }, 90_000);

  it("runs better-sqlite3's JavaScript from the bundle; only its addon comes from node_modules", () => {
    const { status, loaded } = listInChild();
    expect(status).toBe(0);
    const fromPackage = loaded.files.filter((file) => file.includes(`${path.sep}better-sqlite3${path.sep}`));
    expect(fromPackage).toEqual([
      path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    ]);
  }, 90_000);
});
