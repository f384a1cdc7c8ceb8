#!/usr/bin/env node
'use strict';
// The CLI runs the same TypeScript core as the app, straight from the checkout: no build step
// stands between `npm install` and `npx yandu`.
const path = require('node:path');
const { register } = require('tsx/cjs/api');

register();
const { main } = require(path.join(__dirname, '..', 'electron', 'cli', 'main.ts'));
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`yandu: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
