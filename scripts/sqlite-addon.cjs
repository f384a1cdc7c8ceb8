'use strict';
// Stands in for the `bindings` package in the CLI bundle (scripts/build-cli.cjs): better-sqlite3's
// addon, resolved at run time from the node_modules beside the bundle.
module.exports = (name) => {
  if (name !== 'better_sqlite3.node') throw new Error(`yandu: no addon ${name} in the bundle`);
  return require('better-sqlite3/build/Release/better_sqlite3.node');
};
