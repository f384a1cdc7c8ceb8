/**
 * One hostile case in its own process: runs `yandu <argv…>` in-process and prints its exit code,
 * wall time and the process' peak RSS (worker threads included: they share the process).
 */
import { PassThrough } from 'node:stream';
import { main } from '../electron/cli/main';

async function run() {
  const argv = process.argv.slice(2);
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (b: Buffer) => chunks.push(b));
  err.resume();
  const started = performance.now();
  const code = await main(argv, { stdout: out, stderr: err, stdin: new PassThrough() });
  const ms = performance.now() - started;
  const text = Buffer.concat(chunks).toString('utf8');
  let failed: string[];
  try {
    failed = ((JSON.parse(text) as { failed?: { code?: string }[] }).failed ?? []).map((f) => f.code ?? '?');
  } catch {
    failed = [];
  }
  process.stdout.write(
    `${JSON.stringify({ code, ms, peakRssMb: process.resourceUsage().maxRSS / 1024, failed })}\n`,
  );
}

void run();
