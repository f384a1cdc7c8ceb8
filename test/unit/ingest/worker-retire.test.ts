import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { retireWorker } from '../../../electron/main/ingest/worker/worker-retire';

/**
 * Stopping a parse worker that is reading by OCR (worker-retire.ts): asked to give the file up,
 * terminated once it has answered it, never while it may be inside native code; terminated at
 * once when it parses plain text, and after the grace time when it never answers.
 */
// A stand-in worker: "pages" of 50 ms each; it notes the cancel and answers at the next page.
const PAGES = `
const { parentPort } = require('node:worker_threads');
const givenUp = new Set();
parentPort.on('message', async (m) => {
  if ('cancel' in m) { givenUp.add(m.cancel); parentPort.postMessage({ heard: m.cancel }); return; }
  if (m.silent) { setInterval(() => {}, 1000); return; }
  for (let page = 0; page < 100; page++) {
    if (givenUp.has(m.id)) { parentPort.postMessage({ id: m.id, ok: false, page }); return; }
    parentPort.postMessage({ id: m.id, page });
    await new Promise((r) => setTimeout(r, 50));
  }
});`;

function pageWorker() {
  const worker = new Worker(PAGES, { eval: true });
  const heard: unknown[] = [];
  worker.on('message', (m) => heard.push(m));
  return { worker, heard };
}

const untilPage = (worker: Worker, page: number) =>
  new Promise<void>((resolve) =>
    worker.on('message', (m: { page?: number }) => {
      if (m.page === page) resolve();
    }),
  );

describe('retiring a parse worker', () => {
  it('asks one reading by OCR to give the file up, and terminates it once it has', async () => {
    const { worker, heard } = pageWorker();
    worker.postMessage({ id: 7 });
    await untilPage(worker, 2);
    const started = Date.now();
    await retireWorker(worker, 7, 10_000);
    expect(heard).toContainEqual({ heard: 7 });
    // it answered the file at its next page, then went
    expect(heard.at(-1)).toMatchObject({ id: 7, ok: false });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('terminates one parsing plain text at once, without asking', async () => {
    const { worker, heard } = pageWorker();
    worker.postMessage({ id: 8 });
    await untilPage(worker, 1);
    await retireWorker(worker, undefined, 10_000);
    expect(heard).not.toContainEqual({ heard: 8 });
  });

  it('terminates one that never answers after the grace time', async () => {
    const { worker, heard } = pageWorker();
    worker.postMessage({ id: 9, silent: true });
    const started = Date.now();
    await retireWorker(worker, 9, 300);
    expect(heard).toContainEqual({ heard: 9 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
