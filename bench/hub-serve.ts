/**
 * The hub under benchmark, in a process of its own so its CPU time and peak RSS are its own:
 * prints `{"url"}` when listening; on SIGTERM closes and prints `{"cpuMs","peakRssMb"}`.
 */
import { startHub } from '../electron/hub';

async function main() {
  const databaseUrl = process.argv[2];
  if (!databaseUrl) throw new Error('usage: hub-serve.ts <databaseUrl>');
  const before = process.cpuUsage();
  const hub = await startHub({ databaseUrl, poolSize: 10 });
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
