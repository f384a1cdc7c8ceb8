import type { CliCommand } from '../command';
import { annotateCommand, annotationsCommand } from './annotations';
import { briefingCommand } from './briefing';
import { importCommand } from './import';
import { exportCommand, listCommand } from './library';
import { printCommand } from './print';
import { searchCommand } from './search';

/** Every subcommand, in the order `yandu --help` lists them. */
export const commands: CliCommand[] = [
  importCommand,
  listCommand,
  exportCommand,
  searchCommand,
  annotateCommand,
  annotationsCommand,
  briefingCommand,
  printCommand,
];
