import type { ParseArgsConfig } from 'node:util';
import type { Core } from '../main/core/app-core';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

export interface CommandContext extends CliIo {
  /** Positional arguments after the command name. */
  args: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** Opens the library (`--db`, else `YANDU_DB`, else the app's own) on first use. */
  core(): Core;
  /** The library file `core()` opens (for what must work when it cannot be opened: a restore). */
  databasePath: string;
  /**
   * Before writing: waits while another program (the app, another `yandu`) writes the library,
   * telling the user on stderr; fails with `library_busy` when it stays busy too long.
   */
  whenWritable(): Promise<void>;
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

export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
