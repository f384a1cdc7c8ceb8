import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { findWorkerEntry as findEntry, startWorker, type WorkerEntry } from '../../kernel/worker-entry';
import { AppError } from '../../kernel/app-error';
import { readDocument, type ReadResult } from '../read-document';
import type { OcrProgress } from '../ocr/ocr-lines';
import type { ParseProgress, ParseReady, ParseReply, ParseRequest } from './protocol';
import { retireWorker } from './worker-retire';

/**
 * The parse worker's memory: enough for a 64 MB file's text and its passages several times over,
 * small enough that a file built to exhaust memory stops the worker, never the app.
 */
export const WORKER_HEAP_MB = 512;
/** A file whose parse takes longer is given up: no real document comes near it. */
export const PARSE_TIME_LIMIT_MS = 25_000;
/**
 * OCR's budget: each page must be read within OCR_PAGE_TIME_MS of the one before (≈ 6 s of CPU
 * on 2 cores, so a machine busy with other work still makes it), and the whole file within the
 * parse limit plus that much a page, never more than OCR_TIME_LIMIT_MS.
 */
export const OCR_PAGE_TIME_MS = 90_000;
export const OCR_TIME_LIMIT_MS = 30 * 60_000;

export interface TimeLimits {
  parseMs: number;
  ocrPageMs: number;
  ocrMs: number;
}

export interface ReadOptions {
  /** Aborting rejects the read with `import_cancelled`; a worker busy with the file is stopped. */
  signal?: AbortSignal;
  /** Hears each page OCR starts (and the end of the last). */
  onProgress?: (p: OcrProgress) => void;
}

export interface DocumentReader {
  read(file: string, options?: ReadOptions): Promise<ReadResult>;
  close(): Promise<void>;
  /** `worker` while files are parsed off this thread. */
  readonly mode: 'worker' | 'inline';
  /** Worker threads started so far: one per batch, plus one after each parse stopped by a cancel. */
  readonly workersStarted: number;
}

export type { WorkerEntry };

/** Where the parse worker's code is (see kernel/worker-entry): built, else this folder's source. */
export function findWorkerEntry(dir = __dirname): WorkerEntry | null {
  return findEntry('parse-worker', dir);
}

/** Parses in a worker thread when its code can be found, else on this thread. */
export function createDocumentReader(
  options: {
    inline?: boolean;
    entry?: WorkerEntry | null;
    timeLimitMs?: number;
    ocrPageMs?: number;
    ocrLimitMs?: number;
    heapMb?: number;
  } = {},
): DocumentReader {
  const entry = options.inline ? null : options.entry === undefined ? findWorkerEntry() : options.entry;
  const limits: TimeLimits = {
    parseMs: options.timeLimitMs ?? PARSE_TIME_LIMIT_MS,
    ocrPageMs: options.ocrPageMs ?? OCR_PAGE_TIME_MS,
    ocrMs: options.ocrLimitMs ?? OCR_TIME_LIMIT_MS,
  };
  return entry ? new WorkerReader(entry, limits, options.heapMb ?? WORKER_HEAP_MB) : inlineReader();
}

const cancelled = (file: string) => new AppError('import_cancelled', { file: path.basename(file) });

/**
 * On this thread a parse cannot be interrupted, but its result is dropped when the batch was
 * cancelled meanwhile, so nothing read after a cancel is stored.
 */
async function readHere(file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const { signal } = options;
  if (signal?.aborted) throw cancelled(file);
  const result = await readDocument(file, { onOcrPage: options.onProgress });
  if (signal?.aborted) throw cancelled(file);
  return result;
}

const inlineReader = (): DocumentReader => ({
  mode: 'inline',
  workersStarted: 0,
  read: (file, options) => readHere(file, options),
  close: async () => {},
});

function spawn(entry: WorkerEntry, heapMb: number): Worker {
  return startWorker(entry, { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 });
}

type Pending = {
  file: string;
  resolve: (r: ReadResult) => void;
  reject: (e: Error) => void;
  onProgress?: (p: OcrProgress) => void;
  timer?: NodeJS.Timeout;
  sentAt?: number;
  /** Set by the first OCR page: when the whole file must be done. */
  deadline?: number;
};

/**
 * One worker for a batch, files sent one at a time. A worker that cannot start at all (no loader,
 * a sandbox that forbids threads) hands its work to this thread; one that dies on a file (its
 * memory limit reached) or runs past the time limit fails that file — never retried here, where it
 * would take the app down — and is started afresh for the next.
 */
class WorkerReader implements DocumentReader {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private next = 1;
  private started = false;
  private fallback = false;
  private starts = 0;
  /** Workers stopping after a file was given up (see worker-retire.ts), until they are gone. */
  private readonly retiring = new Set<Promise<void>>();

  constructor(
    private readonly entry: WorkerEntry,
    private readonly limits: TimeLimits,
    private readonly heapMb: number,
  ) {}

  get mode(): 'worker' | 'inline' {
    return this.fallback ? 'inline' : 'worker';
  }

  get workersStarted(): number {
    return this.starts;
  }

  read(file: string, options: ReadOptions = {}): Promise<ReadResult> {
    const { signal } = options;
    if (this.fallback) return readHere(file, options);
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
        onProgress: options.onProgress,
      });
      worker.ref();
      this.send(worker, id, file);
    });
  }

  /** Files go one at a time, so each one's clock starts when it is sent. */
  private send(worker: Worker, id: number, file: string): void {
    const p = this.pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    p.sentAt = Date.now();
    p.deadline = undefined;
    p.timer = setTimeout(
      () => this.stop(id, this.timedOut(p.file, this.limits.parseMs)),
      this.limits.parseMs,
    );
    worker.postMessage({ id, file } satisfies ParseRequest);
  }

  /**
   * An OCR page began: the clock restarts for it (a page's budget, or the parse limit when that is
   * longer), within the file's overall deadline, which grows with its page count but stays bounded.
   */
  private progressed({ id, progress }: ParseProgress): void {
    const p = this.pending.get(id);
    if (!p) return;
    p.onProgress?.(progress);
    const { parseMs, ocrPageMs, ocrMs } = this.limits;
    const sentAt = p.sentAt ?? Date.now();
    p.deadline ??= sentAt + Math.min(ocrMs, parseMs + progress.pages * ocrPageMs);
    const overall = p.deadline - sentAt;
    clearTimeout(p.timer);
    const wait = Math.max(0, Math.min(Math.max(ocrPageMs, parseMs), p.deadline - Date.now()));
    p.timer = setTimeout(() => this.stop(id, this.timedOut(p.file, overall)), wait);
  }

  private timedOut(file: string, ms: number): AppError {
    return new AppError('file_parse_timeout', {
      file: path.basename(file),
      seconds: Math.round(ms / 1000),
    });
  }

  private abort(id: number): void {
    const p = this.pending.get(id);
    if (p) this.stop(id, cancelled(p.file));
  }

  /**
   * A parse cannot be interrupted inside the worker, so the worker is stopped (nothing was written
   * for the file) and the read fails with `reason`; reads still waiting go to a fresh one.
   */
  private stop(id: number, reason: Error): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.reject(reason);
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      const gone = retireWorker(worker, p.deadline === undefined ? undefined : id, this.limits.ocrPageMs);
      this.retiring.add(gone);
      void gone.then(() => this.retiring.delete(gone));
    }
    if (!this.pending.size) return;
    const fresh = this.start();
    for (const [other, { file }] of this.pending) this.send(fresh, other, file);
  }

  async close(): Promise<void> {
    // Reads still pending are dropped with the worker: their time limits must not fire later.
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    await Promise.all(this.retiring);
  }

  private start(): Worker {
    const worker = spawn(this.entry, this.heapMb);
    this.worker = worker;
    this.starts++;
    worker.on('message', (reply: ParseReply | ParseReady | ParseProgress) => {
      if ('ready' in reply) this.started = true;
      else if ('progress' in reply) this.progressed(reply);
      else this.settle(reply);
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`parser worker stopped (exit ${code})`)));
    return worker;
  }

  private settle(reply: ParseReply): void {
    this.started = true;
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    clearTimeout(p.timer);
    // Idle, the worker must not keep a CLI run alive; busy, it must.
    if (!this.pending.size) this.worker?.unref();
    if (reply.ok) p.resolve(reply.value);
    else if (reply.error.code) p.reject(new AppError(reply.error.code, reply.error.params));
    else p.reject(new Error(reply.error.message));
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const waiting = [...this.pending.entries()];
    if (!this.started) {
      this.pending.clear();
      this.fallback = true;
      for (const [, p] of waiting) {
        clearTimeout(p.timer);
        readDocument(p.file).then(p.resolve, p.reject);
      }
      return;
    }
    // Only the file in hand was being parsed (one is sent at a time): it fails, with what stopped
    // the worker; the others go to a fresh worker.
    const [first] = waiting;
    if (!first) return;
    const [id, p] = first;
    console.warn(`yandu: parse worker stopped on ${path.basename(p.file)}: ${error.message}`);
    this.stop(
      id,
      new AppError('file_parse_crashed', { file: path.basename(p.file), limit: `${this.heapMb} MB` }),
    );
  }
}
