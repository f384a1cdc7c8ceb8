import fs from 'node:fs';
import type { CliOutput } from './command';

/**
 * A command's stdout written straight to the file descriptor. `process.stdout` over a pipe is a
 * net.Socket whose modules `node -e 0` never loads: building it was 3.8 ms of CPU in every
 * `yandu list --json | …` (a third of what a 500-report library adds to the start). Writes stay in
 * order and whole: a descriptor that would block (a non-blocking pipe) hands this write's rest
 * and every later write to the stream; a reader that went away (`| head`) ends the process quietly,
 * as the stream's EPIPE handler does.
 */
export function fdOutput(fd: number, stream: () => NodeJS.WritableStream): CliOutput {
  let fallback: NodeJS.WritableStream | undefined;
  const write = (chunk: string): boolean => {
    if (fallback) return fallback.write(chunk);
    const bytes = Buffer.from(chunk);
    let done = 0;
    while (done < bytes.length) {
      try {
        done += fs.writeSync(fd, bytes, done, bytes.length - done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') process.exit(0);
        if (code !== 'EAGAIN') throw error;
        fallback = stream();
        return fallback.write(bytes.subarray(done));
      }
    }
    return true;
  };
  return { write };
}
