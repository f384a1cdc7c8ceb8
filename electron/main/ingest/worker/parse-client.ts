import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../core/app-error';
import { readDocument, type ReadResult } from '../read-document';
import type { ParseReply, ParseRequest } from './protocol';

export interface ReadOptions {
  /** Aborting rejects the read with `import_cancelled`; a worker busy with the file is stopped. */
  signal?: AbortSignal;
}

export interface DocumentReader {
  read(file: string, options?: ReadOptions): Promise<ReadResult>;
  close(): Promise<void>;
  /** `worker` while files are parsed off this thread. */
  readonly mode: 'worker' | 'inline';
  /** Worker threads started so far: one per batch, plus one after each parse stopped by a cancel. */
  readonly workersStarted: number;
}

export interface WorkerEntry {
  file: string;
  /** Source TypeScript that tsx must compile in the worker. */
  typescript: boolean;
}

/**
 * Where the worker's code is: next to the bundle in `out/main` (electron-vite builds it as its own
 * entry), or as TypeScript next to this file when running from source (vitest, the CLI via tsx).
 * Null when neither is there.
 */
export function findWorkerEntry(dir = __dirname): WorkerEntry | null {
  // The bundler may move this code into a chunk folder below the entry's.
  for (const built of [path.join(dir, 'parse-worker.js'), path.join(dir, '..', 'parse-worker.js')])
    if (fs.existsSync(built)) return { file: built, typescript: false };
  const source = path.join(dir, 'parse-worker.ts');
  if (!fs.existsSync(source)) return null;
  try {
    createRequire(__filename).resolve('tsx/cjs/api');
  } catch {
    return null;
  }
  return { file: source, typescript: true };
}

/** Parses in a worker thread when its code can be found, else on this thread. */
export function createDocumentReader(
  options: { inline?: boolean; entry?: WorkerEntry | null } = {},
): DocumentReader {
  const entry = options.inline ? null : options.entry === undefined ? findWorkerEntry() : options.entry;
  return entry ? new WorkerReader(entry) : inlineReader();
}

const cancelled = (file: string) => new AppError('import_cancelled', { file: path.basename(file) });

/**
 * On this thread a parse cannot be interrupted, but its result is dropped when the batch was
 * cancelled meanwhile, so nothing read after a cancel is stored.
 */
async function readHere(file: string, signal?: AbortSignal): Promise<ReadResult> {
  if (signal?.aborted) throw cancelled(file);
  const result = await readDocument(file);
  if (signal?.aborted) throw cancelled(file);
  return result;
}

const inlineReader = (): DocumentReader => ({
  mode: 'inline',
  workersStarted: 0,
  read: (file, options) => readHere(file, options?.signal),
  close: async () => {},
});

function spawn(entry: WorkerEntry): Worker {
  if (!entry.typescript) return new Worker(entry.file);
  const register = createRequire(__filename).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(register)}).register(); require(${JSON.stringify(entry.file)});`;
  return new Worker(code, { eval: true });
}

type Pending = { file: string; resolve: (r: ReadResult) => void; reject: (e: Error) => void };

/**
 * One worker for a batch, files sent one at a time. A worker that cannot start at all (no loader,
 * a sandbox that forbids threads) hands its work to this thread; one that dies on a file fails that
 * file and is started afresh for the next.
 */
class WorkerReader implements DocumentReader {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private next = 1;
  private started = false;
  private fallback = false;
  private starts = 0;

  constructor(private readonly entry: WorkerEntry) {}

  get mode(): 'worker' | 'inline' {
    return this.fallback ? 'inline' : 'worker';
  }

  get workersStarted(): number {
    return this.starts;
  }

  read(file: string, options: ReadOptions = {}): Promise<ReadResult> {
    const { signal } = options;
    if (this.fallback) return readHere(file, signal);
    if (signal?.aborted) return Promise.reject(cancelled(file));
    const worker = this.worker ?? this.start();
    const id = this.next++;
    return new Promise<ReadResult>((resolve, reject) => {
      const onAbort = () => this.abort(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        file,
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
      });
      worker.ref();
      worker.postMessage({ id, file } satisfies ParseRequest);
    });
  }

  /**
   * A parse cannot be interrupted inside the worker, so the worker is stopped (nothing was written
   * for the file); reads still waiting go to a fresh one.
   */
  private abort(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.reject(cancelled(p.file));
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    if (!this.pending.size) return;
    const fresh = this.start();
    for (const [other, { file }] of this.pending)
      fresh.postMessage({ id: other, file } satisfies ParseRequest);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = spawn(this.entry);
    this.worker = worker;
    this.starts++;
    worker.on('message', (reply: ParseReply) => this.settle(reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`parser worker stopped (exit ${code})`)));
    return worker;
  }

  private settle(reply: ParseReply): void {
    this.started = true;
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    // Idle, the worker must not keep a CLI run alive; busy, it must.
    if (!this.pending.size) this.worker?.unref();
    if (reply.ok) p.resolve(reply.value);
    else if (reply.error.code) p.reject(new AppError(reply.error.code, reply.error.params));
    else p.reject(new Error(reply.error.message));
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    if (!this.started) {
      this.fallback = true;
      for (const p of waiting) readDocument(p.file).then(p.resolve, p.reject);
    } else for (const p of waiting) p.reject(error);
  }
}
