import type { ParseArgsConfig } from 'node:util';
import type { Core } from '../main/core/app-core';
import type { PlatformServices } from '../main/kernel/context';

/** Where a command prints: only `write` is used, so stdout may be the bare descriptor (fd-output.ts). */
export interface CliOutput {
  write(chunk: string): boolean;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export interface CommandContext extends CliIo {
  /** Positional arguments after the command name. */
  args: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /**
   * The core's front door on the library (`--db`, else `YANDU_DB`, else the app's own), opened on
   * first use: the request is validated against the IPC contract, so the limits are the window's;
   * a write waits, and says so, while another program writes the library.
   */
  call: Core['call'];
  /**
   * What the core asks the desktop shell for (where to save an export): a command that writes a
   * file answers with the path the user gave on the command line.
   */
  setPlatform(platform: Partial<PlatformServices>): void;
  /** Opens the library on first use; only for what has no channel yet (search, see search.ts). */
  core(): Core;
  /** The library file `core()` opens (for what must work when it cannot be opened: a restore). */
  databasePath: string;
}

/** One `yandu <name>` subcommand; add a file under commands/ and list it in commands/index.ts. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CommandContext): Promise<number> | number;
}

export class UsageError extends Error {}

export function writeJson(stream: CliOutput, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
