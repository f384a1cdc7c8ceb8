import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel/app-error';
import type { Instances } from '../kernel/instances';

/**
 * Which libraries have an import running, so that a restore (which swaps the library file) can
 * refuse rather than pull the file from under it. In this process a count per open library (a
 * per-library instance of its core: a restore is refused while it is above 0, so the reopen that
 * follows only ever drops a count of 0); for other processes (the app importing while `yandu
 * restore` runs, or the reverse) a marker file beside the library, `<library>.importing-<pid>`,
 * removed when the import ends. A marker whose process is gone (a crash) is ignored.
 */
interface Library {
  databasePath: string;
  instances: Instances;
}

const runningIn = (library: Library) => library.instances.get('import-lock', () => ({ count: 0 }));

const keyOf = (databasePath: string) => (databasePath === ':memory:' ? null : path.resolve(databasePath));
const markerOf = (key: string, pid: number) => `${key}.importing-${pid}`;

/** Marks an import of the library as running; the returned function ends it (call it once). */
export function beginImport(library: Library): () => void {
  const running = runningIn(library);
  const count = running.count;
  running.count += 1;
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
    running.count = Math.max(0, running.count - 1);
    if (running.count > 0) return;
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
  if (library && runningIn(library).count > 0) throw new AppError('import_running', { file });
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
