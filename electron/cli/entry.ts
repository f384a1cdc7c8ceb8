import type { CliIo } from './command';
import { fdOutput } from './fd-output';
import { main } from './main';

/**
 * Runs one invocation as the whole process: sets the exit code, and reports an unexpected failure
 * on one line instead of a stack trace. Shared by bin/yandu.cjs (a checkout) and the packaged
 * launcher, which starts the bundle (out/cli/yandu.cjs) directly.
 */
export function runCli(argv: string[]): Promise<void> {
  const stdoutStream = (): NodeJS.WritableStream => {
    // `yandu search … | head` closes the pipe early: stop quietly, as other Unix tools do.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
    return process.stdout;
  };
  const io: CliIo = {
    stdout: fdOutput(1, stdoutStream),
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
  };
  return main(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`yandu: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

export { main };

if (require.main === module) void runCli(process.argv.slice(2));
