import fs from 'node:fs';
import path from 'node:path';
import {
  channelNames,
  type CoreChannel,
  type CoreRequestOf,
  type CoreResponseOf,
} from '../../../shared/ipc/contract';
import type { Locale } from '../../../shared/ipc/errors';
import { detachAnnotations, reattachDetached } from '../annotations/detached';
import { reanchorDocument } from '../annotations/reanchor';
import { annotationSearchSource } from '../annotations/search-source';
import { orphanBriefingExcerpts, reanchorBriefingExcerpts } from '../briefings/reanchor';
import { importFiles } from '../ingest/import-service';
import type { Handlers } from '../kernel/api';
import { annotationHandlers } from '../ipc/handlers/annotations';
import { compareHandlers } from '../ipc/handlers/compare';
import { backupHandlers } from '../ipc/handlers/backups';
import { documentCareHandlers } from '../ipc/handlers/document-care';
import { briefingHandlers } from '../ipc/handlers/briefings';
import { documentHandlers } from '../ipc/handlers/documents';
import { importHandlers } from '../ipc/handlers/imports';
import { ledgerHandlers } from '../ipc/handlers/ledger';
import { metadataHandlers } from '../ipc/handlers/metadata';
import { ImportTokens } from '../ingest/import-tokens';
import { printHandlers } from '../ipc/handlers/print';
import { searchHandlers } from '../ipc/handlers/search';
import { indexLedgerFacts } from '../ledger/ledger-store';
import { dropSearchService } from '../search/search-service';
import { linkHandlers, xrefHandlers } from '../ipc/handlers/xref';
import { teamHandlers } from '../ipc/handlers/team';
import { orphanLinksOfDocument, reanchorLinks } from '../links/service';
import { installObsoletePhraseCleanup } from '../xref/obsolete-phrase-index';
import { registerSearchSource } from '../search/source';
import { reapplyMetaOverrides } from '../store/document-meta';
import { openDatabase, type OpenOptions } from '../store/database';
import { getSetting, setSetting } from '../store/settings';
import { defaultTokenFile, fileSecretStore, type SecretStore } from '../team/secret-store';
import { TeamService } from '../team/team-service';
import type { CoreContext, PlatformServices } from '../kernel/context';
import { LibraryEvents } from '../kernel/events';
import { Instances } from '../kernel/instances';
import { callChannel, type CallRules } from './call';
import { logBackgroundError } from '../kernel/log';

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
   * Closes the library, lets `swap` change the closed file (a restore), and opens it again; the
   * search service and the handlers are rebuilt over the new connection, the events bus stays.
   */
  reopen(swap: (databasePath: string) => void): void;
  close(): void;
}

/** The whole application minus Electron: used by the window shell, the CLI and the browser test bridge. */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath, options);
  let handlers: Handlers | undefined;
  const ctx: CoreContext = {
    db,
    // ctx.db, read at each emit: a restore swaps the connection under the same bus.
    events: new LibraryEvents(() => ctx.db.open && ctx.db.inTransaction),
    locale: options.locale ?? 'zh-CN',
    databasePath: options.databasePath,
    version: options.version ?? '0.0.0',
    replaceHooks: [],
    deleteHooks: [],
    platform: options.platform ?? { chooseDocuments: async () => [] },
    nativeBinding: options.nativeBinding,
    importTokens: new ImportTokens(),
    instances: new Instances(),
    // Stop all, swap, start again: every per-library instance is made anew over the new file.
    reopen(swap) {
      ctx.instances.stopAll();
      dropSearchService(ctx);
      handlers = undefined;
      ctx.db.close();
      try {
        swap(options.databasePath);
      } finally {
        ctx.db = openDatabase(options.databasePath, options);
      }
    },
  };
  installDomainHooks(ctx);
  // Per library: a restore stops it with the other instances and the next use makes it anew.
  const team = () =>
    ctx.instances.get('team', () => {
      const secrets = options.teamSecrets ?? fileSecretStore(defaultTokenFile(options.databasePath));
      return new TeamService(ctx, { secrets });
    });
  const core: Core = {
    ctx,
    get handlers() {
      return (handlers ??= buildHandlers(ctx, team));
    },
    get team() {
      return team();
    },
    call: (channel, request) =>
      callChannel(core.handlers, ctx, options, channel, request) as Promise<CoreResponseOf<typeof channel>>,
    reopen: (swap) => ctx.reopen(swap),
    close: () => {
      ctx.instances.stopAll();
      ctx.db.close();
    },
  };
  return core;
}

/** Every domain's IPC handlers over one core context; pure request-to-core adapters, no wiring. */
function buildHandlers(ctx: CoreContext, team: () => TeamService): Handlers {
  return mergeHandlers(
    documentHandlers(ctx),
    annotationHandlers(ctx),
    importHandlers(ctx),
    searchHandlers(ctx),
    metadataHandlers(ctx),
    ledgerHandlers(ctx),
    compareHandlers(ctx),
    documentCareHandlers(ctx),
    backupHandlers(ctx),
    xrefHandlers(ctx),
    linkHandlers(ctx),
    briefingHandlers(ctx),
    printHandlers(ctx),
    teamHandlers(ctx, team),
  );
}

/**
 * What each domain adds to the core beyond its IPC handlers: hooks on replace and delete, search
 * sources. Installed here, once, so the CLI, the window and the test bridge get the same behaviour
 * whether or not any handler is ever built.
 */
function installDomainHooks(ctx: CoreContext): void {
  // ctx.db, read at each call: a restore swaps the connection under the same core.
  ctx.replaceHooks.push((documentId, alignment) => reanchorDocument(ctx.db, documentId, alignment));
  ctx.deleteHooks.push((documentId, keep) => keep === 'orphan' && detachAnnotations(ctx.db, documentId));
  // A deleted document imported again gets back the annotations its deletion kept.
  ctx.events.on('library:changed', ({ documentIds }) => {
    reattachDetached(ctx.db, documentIds).catch((error: unknown) =>
      logBackgroundError('re-attaching kept annotations', error),
    );
  });
  registerSearchSource(ctx, annotationSearchSource);
  // The user's metadata corrections outlive a replace; the replace wrote the inferred values.
  ctx.replaceHooks.push((documentId) => reapplyMetaOverrides(ctx.db, documentId));
  // Ledger facts of a document are read again when it changes (deletes cascade); a failure here
  // must not fail the import that already committed: the ledger re-reads stale documents on use.
  ctx.events.on('library:changed', ({ documentIds }) => {
    for (const id of documentIds) {
      try {
        indexLedgerFacts(ctx.db, id);
      } catch (error) {
        logBackgroundError(`ledger: reading targets and outcomes of ${id}`, error);
      }
    }
  });
  ctx.replaceHooks.push((documentId, alignment) => reanchorLinks(ctx.db, documentId, alignment));
  // Links are orphaned whatever the choice for annotations: the other end is another document's.
  ctx.deleteHooks.push((documentId) => orphanLinksOfDocument(ctx.db, documentId));
  void installObsoletePhraseCleanup(ctx);
  ctx.replaceHooks.push((documentId, alignment) => reanchorBriefingExcerpts(ctx.db, documentId, alignment));
  // Briefing excerpts keep their quoted text whatever the choice: a briefing is its own document.
  ctx.deleteHooks.push((documentId) => orphanBriefingExcerpts(ctx.db, documentId));
}

/** Every channel of the contract that `Groups` leaves without a handler (never, when complete). */
type Unanswered<Groups extends Partial<Handlers>[]> = Exclude<
  keyof Handlers,
  Groups[number] extends infer G ? (G extends unknown ? keyof G : never) : never
>;

/**
 * Merges the domains' handler groups. Completeness is checked by the compiler: with a channel
 * unanswered, the argument list no longer type-checks (and, should a cast get past it, the run
 * time check below still refuses to start).
 */
function mergeHandlers<Groups extends Partial<Handlers>[]>(
  ...groups: Groups & (Unanswered<Groups> extends never ? unknown : { missing: Unanswered<Groups> })
): Handlers {
  const merged: Partial<Handlers> = {};
  for (const group of groups) {
    for (const name of Object.keys(group) as (keyof Handlers)[]) {
      if (name in merged) throw new Error(`IPC handler registered twice: ${name}`);
      (merged as Record<string, unknown>)[name] = group[name];
    }
  }
  const missing = channelNames.filter((name) => !(name in merged));
  if (missing.length) throw new Error(`IPC channels without a handler: ${missing.join(', ')}`);
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
