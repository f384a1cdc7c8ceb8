import type { z } from 'zod';
import { annotationChannels } from './channels/annotations';
import { compareChannels } from './channels/compare';
import { backupChannels } from './channels/backups';
import { documentCareChannels } from './channels/document-care';
import { briefingChannels } from './channels/briefings';
import { documentChannels } from './channels/documents';
import { importChannels } from './channels/imports';
import { localChannels } from './channels/local';
import { ledgerChannels } from './channels/ledger';
import { metadataChannels } from './channels/metadata';
import { printChannels } from './channels/print';
import { searchChannels } from './channels/search';
import { linkChannels, xrefChannels } from './channels/xref';
import { teamChannels } from './channels/team';
import type { ChannelSpec } from './define';

/**
 * The whole IPC surface. Each domain owns one file under `channels/`; a channel name
 * appearing in two domains is refused by `mergeChannels` (and by a unit test).
 */
export const contract = mergeChannels(
  documentChannels,
  annotationChannels,
  importChannels,
  searchChannels,
  metadataChannels,
  ledgerChannels,
  compareChannels,
  documentCareChannels,
  backupChannels,
  xrefChannels,
  linkChannels,
  briefingChannels,
  printChannels,
  teamChannels,
);

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C] extends ChannelSpec<z.ZodType, infer R> ? R : never;

export const channelNames = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * What `core.call` answers: the IPC contract plus the local channels only the CLI may use (they
 * name files; IPC dispatch refuses them, see channels/local.ts).
 */
export const coreContract = mergeChannels(contract, localChannels);
export type CoreContract = typeof coreContract;
export type CoreChannel = keyof CoreContract;
export type CoreRequestOf<C extends CoreChannel> = z.input<CoreContract[C]['request']>;
export type CoreResponseOf<C extends CoreChannel> =
  CoreContract[C] extends ChannelSpec<z.ZodType, infer R> ? R : never;

export function isCoreChannel(name: unknown): name is CoreChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(coreContract, name);
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

export function mergeChannels<T extends Record<string, ChannelSpec<z.ZodType, unknown>>[]>(
  ...groups: T
): UnionToIntersection<T[number]> {
  const merged: Record<string, ChannelSpec<z.ZodType, unknown>> = {};
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (name in merged) throw new Error(`IPC channel defined twice: ${name}`);
      merged[name] = spec;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}
