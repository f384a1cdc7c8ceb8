'use strict';
// Bundles the `yandu` command into one CommonJS file, out/cli/yandu.cjs, so a start loads one
// parsed file instead of compiling TypeScript. Used by the app build (electron.vite.config.ts) and
// by bin/yandu.cjs on first use in a fresh clone. CommonJS so bin/yandu.cjs can require it
// synchronously without paying for an ESM loader.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/** What starts the CLI: a loader (scripts/cli-loader.cjs) that runs the bundle from V8's code cache. */
const OUT_FILE = path.join(ROOT, 'out', 'cli', 'yandu.cjs');
const LOADER = path.join(ROOT, 'scripts', 'cli-loader.cjs');
const BUNDLE_FILE = path.join(ROOT, 'out', 'cli', 'yandu-core.cjs');
/** The bundle's own source files, with their sizes and mtimes, for bin/yandu.cjs's freshness check. */
const INPUTS_FILE = path.join(ROOT, 'out', 'cli', 'inputs.json');
const ENTRY = path.join(ROOT, 'electron', 'cli', 'entry.ts');
/**
 * Worker threads, whose code their clients look for next to the bundle: `yandu import` parses in
 * one, `yandu compact` copies the library in another.
 */
const WORKERS = [
  path.join(ROOT, 'electron', 'main', 'ingest', 'worker', 'parse-worker.ts'),
  path.join(ROOT, 'electron', 'main', 'backups', 'compact-worker.ts'),
];

/** Packages whose JavaScript every command runs: bundled, so it loads from the code cache. */
const BUNDLED = new Set(['zod', 'better-sqlite3']);

/**
 * Runtime dependencies stay outside the bundle and are required where they are used (lazily, for the
 * heavy ones), except what every command loads: zod (every command validates with it; one bundled
 * copy loads in a fraction of the time its hundred files take through require()) and
 * better-sqlite3's JavaScript (its dozen files were compiled afresh at every start: 8 ms of CPU of
 * a `yandu list`). Only its native addon stays in node_modules (`better-sqlite3/*` is external).
 */
function externals() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  return names
    .flatMap((name) => (BUNDLED.has(name) ? [`${name}/*`] : [name, `${name}/*`]))
    .filter((name) => name !== 'zod/*')
    .concat(['electron']);
}

/**
 * better-sqlite3 finds its addon through the `bindings` package, which walks up from its caller's
 * file: bundled, the caller is the bundle and the walk misses. The addon is where `bindings` finds
 * it in every install (node-gyp's and prebuild-install's build/Release), so scripts/sqlite-addon.cjs
 * requires it from there, resolved at run time from the bundle's node_modules. A library opened
 * with `nativeBinding` (the app's Electron build) never asks for it.
 */
const ALIASES = { bindings: path.join(ROOT, 'scripts', 'sqlite-addon.cjs') };

/** esbuild's options for a bundle run by plain Node: the CLI's, its workers' and the bench engines'. */
function bundleOptions() {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: externals(),
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    alias: ALIASES,
  };
}

function buildCli({ esbuild = require('esbuild') } = {}) {
  const common = bundleOptions();
  const workers = WORKERS.map((entry) =>
    esbuild.buildSync({
      ...common,
      entryPoints: [entry],
      outfile: path.join(ROOT, 'out', 'cli', `${path.basename(entry, '.ts')}.js`),
    }),
  );
  const cli = esbuild.buildSync({ ...common, entryPoints: [ENTRY], outfile: BUNDLE_FILE });
  fs.copyFileSync(LOADER, OUT_FILE);
  const inputs = [...new Set([cli, ...workers].flatMap((built) => Object.keys(built.metafile.inputs)))]
    .filter((file) => !file.includes('node_modules'))
    .concat([path.relative(ROOT, LOADER)])
    .map((file) => {
      const stat = fs.statSync(path.join(ROOT, file));
      return [file, stat.mtimeMs];
    });
  fs.writeFileSync(INPUTS_FILE, JSON.stringify({ entry: path.relative(ROOT, ENTRY), inputs }));
  return OUT_FILE;
}

/** True when the bundle exists and none of its source files changed since it was built. */
function isFresh() {
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(INPUTS_FILE, 'utf8'));
    fs.accessSync(OUT_FILE);
    fs.accessSync(BUNDLE_FILE);
  } catch {
    return false;
  }
  for (const [file, mtimeMs] of recorded.inputs) {
    try {
      if (fs.statSync(path.join(ROOT, file)).mtimeMs !== mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Bundles a script as the CLI is bundled, to out/<folder>/<name>.cjs, and returns that path: the
 * scale bench runs its engines this way, so their memory is the app's code under plain Node and not
 * tsx's compiler (50 MB of RSS before the library opens).
 */
function bundleScript(entry, folder, { esbuild = require('esbuild') } = {}) {
  const outfile = path.join(ROOT, 'out', folder, `${path.basename(entry, path.extname(entry))}.cjs`);
  esbuild.buildSync({ ...bundleOptions(), entryPoints: [entry], outfile, metafile: false });
  return outfile;
}

module.exports = { buildCli, bundleScript, isFresh, OUT_FILE, ROOT };

if (require.main === module) {
  buildCli();
  process.stdout.write(`${path.relative(ROOT, OUT_FILE)}\n`);
}
