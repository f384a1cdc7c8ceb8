/**
 * Every test run (vitest's and Playwright's: both call this as their global setup and the function
 * it returns as the teardown) gets one temporary folder of its own, removed when the run ends: tests make
 * hundreds of scratch libraries and files with `fs.mkdtempSync(os.tmpdir() …)`, and cleaning each
 * in its own test left them behind whenever a test failed or forgot (a developer's /tmp collected
 * thousands). Setting TMPDIR here, before the workers start, moves them all under this folder:
 * `os.tmpdir()` reads it at each call, and forked workers and the CLI processes tests spawn inherit it.
 * YANDU_KEEP_TEST_TMP=1 keeps the folder to look at after a run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-tests-'));
  // Like /tmp itself (world-writable, sticky): the team tests run PostgreSQL as an unprivileged
  // user and the read-only tests run the CLI as `nobody`, and both make their own folders here.
  fs.chmodSync(root, 0o1777);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.YANDU_KEEP_TEST_TMP) {
      process.stdout.write(`test files kept in ${root}\n`);
      return;
    }
    try {
      fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      process.stderr.write(`could not remove ${root}: ${String(error)}\n`);
    }
  };
}
