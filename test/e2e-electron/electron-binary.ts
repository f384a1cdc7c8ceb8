import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/**
 * The Electron executable, or the reason there is none. Resolving `electron` downloads the
 * binary on first use, so it is done in a child process with a time limit.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const candidate = probe.status === 0 ? probe.stdout.trim() : '';
  if (candidate && fs.existsSync(candidate)) return { path: candidate };
  const output = (probe.stderr || probe.error?.message || 'unknown error').trim().split('\n');
  const why =
    output
      .filter((line) => /^\w*Error\b/.test(line.trim()))
      .map((line) => line.trim())
      .join(' — ') || output.at(-1);
  return { missing: `no Electron binary on this machine (download failed: ${why})` };
}

/** The Electron build of better-sqlite3 that `npm start` prepares; null once it is ready. */
export function prepareNativeModule(): string | null {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/electron-native.mjs')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 600_000,
  });
  return run.status === 0
    ? null
    : `better-sqlite3 could not be built for Electron: ${run.stderr.trim().split('\n').slice(-1)[0]}`;
}
