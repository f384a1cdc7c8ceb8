import type { Worker } from 'node:worker_threads';
import type { ParseCancel } from './protocol';

/**
 * Stops a parse worker whose file was given up (cancelled, or past its time limit). One that is
 * reading pages by OCR is inside native code (onnxruntime, sharp) most of the time, and a worker
 * terminated mid-call has that code call back into a thread already torn down: Node then aborts
 * the whole process ("terminate called after throwing an instance of 'Napi::Error'"). So it is
 * asked to give the file up at its next page (`ParseCancel`), and terminated once it has answered
 * the file, or after `graceMs` at the latest (a page stuck in native code). Any other parse is
 * plain JavaScript, terminated at once. Resolves when the worker is gone.
 */
export function retireWorker(worker: Worker, ocrFile: number | undefined, graceMs: number): Promise<void> {
  const gone = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  if (ocrFile === undefined) {
    void worker.terminate();
    return gone;
  }
  const stop = () => {
    clearTimeout(timer);
    void worker.terminate();
  };
  const timer = setTimeout(stop, graceMs);
  worker.on('message', (reply: { id?: number; ok?: boolean }) => {
    if (reply.id === ocrFile && reply.ok !== undefined) stop();
  });
  worker.postMessage({ cancel: ocrFile } satisfies ParseCancel);
  return gone;
}
