import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel/app-error';

/**
 * Which libraries have an import running, so that a restore (which swaps the library file) can
 * refuse rather than pull the file from under it. In this process a count per open library (its
 * core's context, which a reopen keeps); for other
 * processes (the app importing while `yandu restore` runs, or the reverse) a marker file beside
 * the library, `<library>.importing-<pid>`, removed when the import ends. A marker whose process
 * is gone (a crash) is ignored.
 */
const running = new WeakMap<object, number>();

interface Library {
  databasePath: string;
}

const keyOf = (databasePath: string) => (databasePath === ':memory:' ? null : path.resolve(databasePath));
const markerOf = (key: string, pid: number) => `${key}.importing-${pid}`;

/** Marks an import of the library as running; the returned function ends it (call it once). */
export function beginImport(library: Library): () => void {
  const count = running.get(library) ?? 0;
  running.set(library, count + 1);
  const real = keyOf(library.databasePath);
  if (real && count === 0) {
    try {
      fs.writeFileSync(markerOf(real, process.pid), `${new Date().toISOString()}\n`);
    } catch {
      // A library in a folder we cannot write to cannot be restored over either.
    }
  }
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const left = (running.get(library) ?? 1) - 1;
    if (left > 0) {
      running.set(library, left);
      return;
    }
    running.delete(library);
    if (real) fs.rmSync(markerOf(real, process.pid), { force: true });
  };
}

/**
 * Refuses with `import_running` while another process imports into the library at
 * `databasePath`, or this one through `library` (an open core's context).
 */
export function assertNoImport(databasePath: string, library?: Library): void {
  const key = keyOf(databasePath);
  const file = path.basename(databasePath);
  if (library && (running.get(library) ?? 0) > 0) throw new AppError('import_running', { file });
  if (!key) return;
  const prefix = `${path.basename(key)}.importing-`;
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(key));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new AppError('import_running', { file });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
