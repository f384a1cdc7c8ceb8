import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../main/kernel/app-error';
import { createCore, type Core } from '../main/core/app-core';
import { defaultUserDataDir, libraryPaths } from '../main/core/library-paths';
import { isReadOnlyError } from '../main/store/database';
import { waitUntilWritable } from '../main/store/write-lock';
import type { CliIo } from './command';
import { UsageError } from './command';
import type { PlatformServices } from '../main/kernel/context';
import { commands } from './commands';

/** How long a command waits for another program to finish writing before it gives up. */
const WRITE_WAIT_MS = 120_000;
const BUSY_NOTICE =
  '库正被另一个程序写入，等待中… / the library is being written by another program; waiting…';

const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function helpText(): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
  return [
    '研读 Yandu — command line over the same library as the app',
    '',
    'Usage:',
    ...lines,
    '',
    'Options: --db PATH (default: $YANDU_DB, else the app library), --json, -h/--help',
  ].join('\n');
}

export function resolveDatabasePath(dbOption: string | undefined, env = process.env): string {
  if (dbOption) return path.resolve(dbOption);
  return libraryPaths({ userData: defaultUserDataDir(process.platform, env), resources: '', env }).database;
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 something failed, 2 usage or environment). */
export async function main(argv: string[], io: CliIo = process): Promise<number> {
  const [name, ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${helpText()}\n`);
    return name ? 0 : 2;
  }
  if (!command) {
    io.stderr.write(`yandu: unknown command "${name}"\n\n${helpText()}\n`);
    return 2;
  }
  let core: Core | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`Usage: yandu ${command.usage}\n${command.summary}\n`);
      return 0;
    }
    const databasePath = resolveDatabasePath(values.db as string | undefined);
    let platform: PlatformServices = { chooseDocuments: async () => [] };
    const open = (): Core =>
      (core ??= createCore({
        databasePath,
        locale: 'zh-CN',
        platform,
        // Before a write: wait while another program (the app, another `yandu`) writes the
        // library, telling the user on stderr; `library_busy` when it stays busy too long.
        whenWritable: async () => {
          const free = await waitUntilWritable(
            open().ctx.db,
            () => io.stderr.write(`yandu ${command.name}: ${BUSY_NOTICE}\n`),
            WRITE_WAIT_MS,
          );
          if (!free) throw new AppError('library_busy', { seconds: WRITE_WAIT_MS / 1000 });
        },
      }));
    return await command.run({
      // Not `...io`: spread over `process` it would read every getter, opening stdin (a stream
      // and its modules) and building a diagnostic report, on every command. Each stream is
      // built when a command first writes to it: most never write to stderr.
      get stdout() {
        return io.stdout;
      },
      get stderr() {
        return io.stderr;
      },
      get stdin() {
        return io.stdin;
      },
      args: positionals,
      values: values as Record<string, string | boolean | string[] | undefined>,
      call: (channel, request) => open().call(channel, request),
      setPlatform: (services) => {
        platform = { ...platform, ...services };
        if (core) core.ctx.platform = platform;
      },
      core: open,
      databasePath,
    });
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`yandu ${command.name}: ${(error as Error).message}\nUsage: yandu ${command.usage}\n`);
      return 2;
    }
    if (isReadOnlyError(error)) {
      io.stderr.write(`yandu ${command.name}: ${new AppError('library_read_only').localized('zh-CN')}\n`);
      return 1;
    }
    if (error instanceof AppError) {
      io.stderr.write(`yandu ${command.name}: ${error.localized('zh-CN')}\n`);
      return error.code === 'library_read_only' ? 1 : 2;
    }
    throw error;
  } finally {
    core?.close();
  }
}
