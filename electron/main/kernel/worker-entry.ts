import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { lazyPackage } from './lazy-package';

// Only work that needs a thread starts one: loaded then, not at every start.
const workerThreads = lazyPackage<typeof import('node:worker_threads')>('node:worker_threads');

export interface WorkerEntry {
  file: string;
  /** Source TypeScript that tsx must compile in the worker. */
  typescript: boolean;
}

/**
 * Where a worker's code is (`name` without extension): next to the bundle in `out/main` or
 * `out/cli` (built as its own entry), or as TypeScript in `dir` when running from source (vitest,
 * the CLI via tsx). Null when neither is there.
 */
export function findWorkerEntry(name: string, dir: string): WorkerEntry | null {
  // The bundler may move the caller into a chunk folder below the entry's.
  for (const built of [path.join(dir, `${name}.js`), path.join(dir, '..', `${name}.js`)])
    if (fs.existsSync(built)) return { file: built, typescript: false };
  const source = path.join(dir, `${name}.ts`);
  if (!fs.existsSync(source)) return null;
  try {
    createRequire(__filename).resolve('tsx/cjs/api');
  } catch {
    return null;
  }
  return { file: source, typescript: true };
}

/** Starts a worker thread on `entry`, through tsx for source TypeScript. */
export function startWorker(
  entry: WorkerEntry,
  resourceLimits: ResourceLimits,
  workerData?: unknown,
): Worker {
  if (!entry.typescript) return new (workerThreads().Worker)(entry.file, { resourceLimits, workerData });
  const register = createRequire(__filename).resolve('tsx/cjs/api');
  const code = `require(${JSON.stringify(register)}).register(); require(${JSON.stringify(entry.file)});`;
  return new (workerThreads().Worker)(code, { eval: true, resourceLimits, workerData });
}
