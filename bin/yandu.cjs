#!/usr/bin/env node
'use strict';
// `npx yandu` in a checkout. Runs the bundled CLI (out/cli/yandu.cjs, made by `npm run build`)
// when it is there and newer than every source file it was built from; otherwise builds it now
// (about a second, once) so a fresh clone needs no step after `npm install`; and if it cannot be
// built (no esbuild), runs the TypeScript sources through tsx, slower but the same commands.
const path = require('node:path');

function loadCli() {
  const build = require(path.join(__dirname, '..', 'scripts', 'build-cli.cjs'));
  if (build.isFresh()) return require(build.OUT_FILE);
  try {
    build.buildCli();
    return require(build.OUT_FILE);
  } catch (error) {
    if (process.env.YANDU_DEBUG) process.stderr.write(`yandu: running from source (${error.message})\n`);
    require('tsx/cjs/api').register();
    return require(path.join(__dirname, '..', 'electron', 'cli', 'entry.ts'));
  }
}

void loadCli().runCli(process.argv.slice(2));
