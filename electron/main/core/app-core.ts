import fs from 'node:fs';
import path from 'node:path';
import {
  coreContract,
  type CoreChannel,
  type CoreRequestOf,
  type CoreResponseOf,
} from '../../../shared/ipc/contract';
import type { Locale } from '../../../shared/ipc/errors';
import type { EventName } from '../../../shared/ipc/events';
import { annotationsDomain } from '../annotations/domain';
import { backupsDomain } from '../backups/domain';
import { briefingsDomain } from '../briefings/domain';
import { compareDomain } from '../compare/domain';
import { documentsDomain } from '../documents/domain';
import { importFiles, ImportTokens, ingestDomain } from '../ingest/domain';
import type { Handlers } from '../kernel/api';
import type { CoreContext, PlatformServices } from '../kernel/context';
import type { ChannelsOf, Domain } from '../kernel/domain';
import { LibraryEvents } from '../kernel/events';
import { Instances } from '../kernel/instances';
import { logBackgroundError } from '../kernel/log';
import type { SecretStore } from '../kernel/secret-store';
import { ledgerDomain } from '../ledger/domain';
import { linksDomain } from '../links/domain';
import { printDomain } from '../print/domain';
import { searchDomain } from '../search/domain';
import { openDatabase, type OpenOptions } from '../store/database';
import { getSetting, setSetting } from '../store/settings';
import { teamDomain, teamServiceFor, type TeamService } from '../team/domain';
import { xrefDomain } from '../xref/domain';
import { callChannel, type CallRules } from './call';

/**
 * Every domain of the core. Search comes first: its own kinds are the first search sources. The
 * order is also the order of replace and delete hooks and of start (stop runs in reverse).
 */
const DOMAINS = [
  searchDomain,
  documentsDomain,
  annotationsDomain,
  ingestDomain,
  ledgerDomain,
  compareDomain,
  backupsDomain,
  xrefDomain,
  linksDomain,
  briefingsDomain,
  printDomain,
  teamDomain,
] as const;

export interface CoreOptions extends OpenOptions, CallRules {
  platform?: PlatformServices;
  databasePath: string;
  locale?: Locale;
  version?: string;
  /** Where the team hub token is kept: the shell passes an OS-keychain store; default a 0600 file. */
  teamSecrets?: SecretStore;
}

export interface Core {
  ctx: CoreContext;
  /**
   * The front door: validates `request` against the contract, applies the read-only and write-lock
   * rules and answers (see core/call.ts). IPC, the CLI, the test bridge and the bench all come in here.
   */
  call<C extends CoreChannel>(channel: C, request: CoreRequestOf<C>): Promise<CoreResponseOf<C>>;
  /** The handlers behind `call`, built on first use; tests may put a stand-in in place of one. */
  readonly handlers: Handlers;
  /** The team library sync (issue 14), built on first use. */
  readonly team: TeamService;
  /**
   * Stop all → swap → start all: stops every domain and per-library instance, closes the library,
   * lets `swap` change the closed file (a restore) and opens it again; the domains start over the
   * new connection and the handlers are rebuilt on next use. The events bus and hooks stay.
   */
  reopen(swap: (databasePath: string) => void): void;
  close(): void;
}

/** The whole application minus Electron: used by the window shell, the CLI and the browser test bridge. */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath, options);
  let handlers: Handlers | undefined;
  const platform = options.platform ?? { chooseDocuments: async () => [] };
  const ctx: CoreContext = {
    db,
    // ctx.db, read at each emit: a restore swaps the connection under the same bus.
    events: new LibraryEvents(() => ctx.db.open && ctx.db.inTransaction),
    locale: options.locale ?? 'zh-CN',
    databasePath: options.databasePath,
    version: options.version ?? '0.0.0',
    replaceHooks: [],
    deleteHooks: [],
    searchSources: DOMAINS.flatMap((domain: Domain<never>) => domain.searchSources ?? []),
    platform: options.teamSecrets ? { ...platform, teamSecrets: options.teamSecrets } : platform,
    nativeBinding: options.nativeBinding,
    importTokens: new ImportTokens(),
    instances: new Instances(),
    // Stop all, swap, start all: every per-library instance is made anew over the new file.
    reopen(swap) {
      stopDomains(ctx);
      handlers = undefined;
      ctx.db.close();
      try {
        swap(options.databasePath);
      } finally {
        ctx.db = openDatabase(options.databasePath, options);
        startDomains(ctx);
      }
    },
  };
  installDomains(ctx);
  startDomains(ctx);
  const core: Core = {
    ctx,
    get handlers() {
      return (handlers ??= mergeHandlers(ctx, DOMAINS));
    },
    get team() {
      return teamServiceFor(ctx);
    },
    call: (channel, request) =>
      callChannel(core.handlers, ctx, options, channel, request) as Promise<CoreResponseOf<typeof channel>>,
    reopen: (swap) => ctx.reopen(swap),
    close: () => {
      stopDomains(ctx);
      ctx.db.close();
    },
  };
  return core;
}

/**
 * What the domains declare beyond their channels, installed once per core (the hooks and the
 * event bus outlive a reopen; each reads ctx.db when called, so it acts on the library open then).
 */
function installDomains(ctx: CoreContext): void {
  for (const domain of DOMAINS as readonly Domain<never>[]) {
    const { onReplace, onDelete, listeners = {} } = domain;
    if (onReplace) ctx.replaceHooks.push((...args) => onReplace(ctx, ...args));
    if (onDelete) ctx.deleteHooks.push((...args) => onDelete(ctx, ...args));
    for (const [name, listener] of Object.entries(listeners))
      ctx.events.on(name as EventName, (payload) => (listener as Listener)(ctx, payload));
  }
  const kinds = ctx.searchSources.map((source) => source.kind);
  const twice = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
  if (twice) throw new Error(`search source declared twice: ${twice}`);
}

type Listener = (ctx: CoreContext, payload: unknown) => void;

/** Each domain's start over the open library; one that fails is logged, the others still start. */
function startDomains(ctx: CoreContext): void {
  for (const domain of DOMAINS as readonly Domain<never>[]) {
    try {
      domain.start?.(ctx);
    } catch (error) {
      logBackgroundError(`starting ${domain.name}`, error);
    }
  }
}

/** Stops the domains in reverse order, then every per-library instance (the library is still open). */
function stopDomains(ctx: CoreContext): void {
  for (const domain of [...DOMAINS].reverse() as Domain<never>[]) {
    try {
      domain.stop?.(ctx);
    } catch (error) {
      logBackgroundError(`stopping ${domain.name}`, error);
    }
  }
  ctx.instances.stopAll();
}

/** Every channel of the contract that the domains `Ds` leave unanswered (never, when complete). */
type Unanswered<Ds extends readonly Domain<never>[]> = Exclude<CoreChannel, ChannelsOf<Ds>>;

/**
 * Merges the domains' handlers. Completeness is checked by the compiler: with a channel
 * unanswered, the argument no longer type-checks (and, should a cast get past it, the run time
 * check below still refuses to start). A channel answered twice is refused at run time.
 */
export function mergeHandlers<Ds extends readonly Domain<never>[]>(
  ctx: CoreContext,
  domains: Ds & (Unanswered<Ds> extends never ? unknown : { missing: Unanswered<Ds> }),
): Handlers {
  const merged: Partial<Record<CoreChannel, unknown>> = {};
  for (const domain of domains as readonly Domain<never>[]) {
    const group = domain.handlers(ctx) as Record<string, unknown>;
    for (const name of Object.keys(group) as CoreChannel[]) {
      if (name in merged) throw new Error(`channel answered twice: ${name} (${domain.name})`);
      merged[name] = group[name];
    }
  }
  const missing = (Object.keys(coreContract) as CoreChannel[]).filter((name) => !(name in merged));
  if (missing.length) throw new Error(`channels without a handler: ${missing.join(', ')}`);
  return merged as Handlers;
}

/**
 * First run: an empty library gets the bundled sample documents, so a fresh install opens a report.
 * A library the user has emptied on purpose stays empty (the marker setting survives deletes).
 */
export async function seedBundledDocuments(ctx: CoreContext, documentsDir: string): Promise<void> {
  if (ctx.db.readonly || getSetting(ctx.db, 'seeded')) return;
  const files = fs.existsSync(documentsDir)
    ? fs
        .readdirSync(documentsDir)
        .filter((f) => !f.startsWith('.'))
        .sort()
        .map((f) => path.join(documentsDir, f))
    : [];
  const summary = await importFiles(ctx, files);
  if (summary.failed.length)
    throw new Error(`bundled document failed to import: ${summary.failed[0]?.error}`);
  setSetting(ctx.db, 'seeded', new Date().toISOString());
}
