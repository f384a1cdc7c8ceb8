#!/usr/bin/env node
// Packages the app with electron-builder, then puts the Node build of better-sqlite3 back:
// electron-builder rebuilds node_modules for Electron, and the tests need the Node ABI.
import { spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const step = (cmd, args) =>
  spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

let status = step(npx, ['electron-vite', 'build']);
if (status === 0)
  status = step(npx, ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
const restored = step(npm, ['rebuild', 'better-sqlite3']);
if (restored !== 0)
  console.error(
    '[dist] could not restore the Node build of better-sqlite3: run `npm rebuild better-sqlite3`.',
  );
process.exit(status || restored);
