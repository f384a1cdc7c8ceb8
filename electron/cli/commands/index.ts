import type { CliCommand } from '../command';
import { annotateCommand, annotationsCommand } from './annotations';
import { importCommand } from './import';
import { exportCommand, listCommand } from './library';
import { searchCommand } from './search';
import { linkCommand, unlinkCommand } from './link';
import { termCommand } from './term';
import { xrefCommand } from './xref';

/** Every subcommand, in the order `yandu --help` lists them. */
export const commands: CliCommand[] = [
  importCommand,
  listCommand,
  exportCommand,
  searchCommand,
  annotateCommand,
  annotationsCommand,
  termCommand,
  xrefCommand,
  linkCommand,
  unlinkCommand,
];
