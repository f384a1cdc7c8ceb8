#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/, apart from the Node build
// in node_modules that the tests use, so `npm start` and `npm test` work on one checkout in either
// order. The app loads this copy through better-sqlite3's `nativeBinding` option.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readVersion = (pkg) =>
  JSON.parse(fs.readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const electronVersion = readVersion('electron');
const sqliteVersion = readVersion('better-sqlite3');
const outDir = path.join(root, '.cache', 'electron-native');
const binding = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');
const stamp = JSON.stringify({
  electronVersion,
  sqliteVersion,
  arch: process.arch,
  platform: process.platform,
});

if (fs.existsSync(binding) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
  process.exit(0);
}

const workDir = path.join(outDir, 'better-sqlite3');
fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const source = path.join(root, 'node_modules', 'better-sqlite3');
fs.cpSync(source, workDir, { recursive: true, filter: (p) => !p.startsWith(path.join(source, 'build')) });

// A machine-wide npm `nodedir` would silently make node-gyp build for Node instead of Electron.
const env = {
  ...process.env,
  npm_config_nodedir: '',
  npm_config_runtime: 'electron',
  npm_config_target: electronVersion,
};
delete env.npm_config_nodedir;
const bin = (name) =>
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: workDir, env, stdio: 'inherit', shell: process.platform === 'win32' });

console.log(
  `[electron-native] better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})`,
);
try {
  run(bin('prebuild-install'), [
    '--runtime',
    'electron',
    '--target',
    electronVersion,
    '--arch',
    process.arch,
  ]);
} catch {
  console.log('[electron-native] no prebuilt binary; compiling from source');
  try {
    run(bin('node-gyp'), [
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  } catch {
    console.error(
      '[electron-native] could not build better-sqlite3 for Electron (no network for the prebuilt binary or the headers?).\n' +
        'The tests do not need it; `npm start` does.',
    );
    process.exit(1);
  }
}
fs.copyFileSync(path.join(workDir, 'build', 'Release', 'better_sqlite3.node'), binding);
fs.writeFileSync(stampFile, stamp);
fs.rmSync(workDir, { recursive: true, force: true });
console.log(`[electron-native] ready: ${path.relative(root, binding)}`);
