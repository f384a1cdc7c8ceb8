#!/usr/bin/env node
// Adds up the JSON reports of vitest and both Playwright suites into the one plain line CI records:
// `N passed, N failed, N skipped`. A suite whose report is missing did not run: it counts as a failure.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? 'test-results');
const read = (name) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  } catch {
    return undefined;
  }
};

/** Skip reasons of a Playwright report, so a skipped suite says why. */
function skipReasons(suites) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((t) =>
        t.annotations
          .filter((a) => a.type === 'skip' && a.description)
          .map((a) => `${spec.title}: ${a.description}`),
      ),
    ),
    ...skipReasons(suite.suites ?? []),
  ]);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

const vitest = read('vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  lines.push(
    `vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numPendingTests} skipped`,
  );
} else {
  totals.failed += 1;
  lines.push('vitest: no report (did not run)');
}

for (const [name, file] of [
  ['playwright (chromium)', 'playwright.json'],
  ['playwright (electron)', 'electron.json'],
]) {
  const report = read(file);
  if (!report?.stats) {
    totals.failed += 1;
    lines.push(`${name}: no report (did not run)`);
    continue;
  }
  const { expected = 0, unexpected = 0, skipped = 0, flaky = 0 } = report.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  lines.push(`${name}: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
  for (const reason of skipReasons(report.suites ?? [])) lines.push(`  skipped: ${reason}`);
}

for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
