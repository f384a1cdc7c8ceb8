'use strict';
// out/cli/yandu.cjs: starts the bundled CLI (yandu-core.cjs, beside it) from V8's code cache.
// Compiling the 1 MB bundle is a third of a `yandu list`; Node 20 has no module.enableCompileCache,
// so the cache is kept here: made at the first start once the bundle has loaded (written at exit),
// rejected by V8 itself when it does not fit this Node, and kept where only this user can write.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, 'yandu-core.cjs');

function cacheFile(stat) {
  const key = `${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}`;
  const own = (dir) => {
    try {
      fs.accessSync(dir, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  // A packaged app's resources are read-only: then the user's own cache folder, never a shared one
  // (code cache from a folder another user can write would be code they chose).
  const base = own(__dirname)
    ? __dirname
    : path.join(
        process.env.LOCALAPPDATA || process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'),
        'yandu',
      );
  return path.join(base, `yandu-core.${key}.v8cache`);
}

function load() {
  const source = fs.readFileSync(file, 'utf8');
  const cachePath = cacheFile(fs.statSync(file));
  let cachedData;
  try {
    cachedData = fs.readFileSync(cachePath);
  } catch {
    cachedData = undefined; // first run: taken below, written at exit
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module_ = new Module(file, module);
  module_.filename = file;
  const require_ = Module.createRequire(file);
  script.runInThisContext().call(module_.exports, module_.exports, require_, module_, file, __dirname);
  module_.loaded = true;
  // Taken now, once the bundle's modules have run and before any command does: the same whichever
  // command starts first. Taken at exit, it held what that command had compiled, and after a
  // 500-report import every later `yandu list` took 136 ms against 104 (a bare start: 61 ms).
  const fresh = !cachedData || script.cachedDataRejected ? script.createCachedData() : null;
  if (fresh)
    process.once('exit', () => {
      // A cache that cannot be written only costs the next start its compile time: no error to show.
      try {
        fs.mkdirSync(path.dirname(cachePath), { recursive: true, mode: 0o700 });
        const temp = `${cachePath}.${process.pid}`;
        fs.writeFileSync(temp, fresh, { mode: 0o600 });
        fs.renameSync(temp, cachePath);
        // Caches of earlier builds or Node versions would only pile up.
        const dir = path.dirname(cachePath);
        for (const name of fs.readdirSync(dir))
          if (/^yandu-core\..*\.v8cache$/.test(name) && name !== path.basename(cachePath))
            fs.rmSync(path.join(dir, name), { force: true });
      } catch (error) {
        if (process.env.YANDU_DEBUG) process.stderr.write(`yandu: code cache not written (${error.message})\n`);
      }
    });
  return module_.exports;
}

module.exports = load();
if (require.main === module) void module.exports.runCli(process.argv.slice(2));
