import type { CliCommand } from '../command';
import { annotateCommand, annotationsCommand } from './annotations';
import { compareCommand } from './compare';
import { backupCommand, compactCommand, restoreCommand } from './backup';
import { deleteCommand } from './delete';
import { briefingCommand } from './briefing';
import { importCommand } from './import';
import { hubCommand } from './hub';
import { exportCommand, listCommand } from './library';
import { ledgerCommand } from './ledger';
import { metaCommand } from './meta';
import { printCommand } from './print';
import { searchCommand } from './search';
import { linkCommand, unlinkCommand } from './link';
import { teamCommand } from './team';
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
  metaCommand,
  ledgerCommand,
  compareCommand,
  backupCommand,
  restoreCommand,
  compactCommand,
  deleteCommand,
  termCommand,
  xrefCommand,
  linkCommand,
  unlinkCommand,
  briefingCommand,
  printCommand,
  hubCommand,
  teamCommand,
];
