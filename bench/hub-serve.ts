/**
 * The hub under benchmark, in a process of its own so its CPU time and peak RSS are its own:
 * prints `{"url"}` when listening; on SIGTERM closes and prints `{"cpuMs","peakRssMb"}`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub } from '../electron/hub';

async function main() {
  const databaseUrl = process.argv[2];
  if (!databaseUrl) throw new Error('usage: hub-serve.ts <databaseUrl>');
  const before = process.cpuUsage();
  // The seal key in a temp folder of its own: the default lives in the user's config folder.
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-bench-hub-key-'));
  process.once('exit', () => fs.rmSync(keyDir, { recursive: true, force: true }));
  const hub = await startHub({ databaseUrl, poolSize: 10, keyFile: path.join(keyDir, 'hub.key') });
  process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
  process.once('SIGTERM', () => {
    void hub.close().then(() => {
      const cpu = process.cpuUsage(before);
      const peakRssMb = process.resourceUsage().maxRSS / 1024;
      process.stdout.write(`${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb })}\n`);
    });
  });
}

void main();
