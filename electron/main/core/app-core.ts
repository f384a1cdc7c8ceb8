import fs from 'node:fs';
import path from 'node:path';
import { channelNames } from '../../../shared/ipc/contract';
import type { Locale } from '../../../shared/ipc/errors';
import { reanchorDocument } from '../annotations/reanchor';
import { annotationSearchSource } from '../annotations/search-source';
import { orphanBriefingExcerpts, reanchorBriefingExcerpts } from '../briefings/reanchor';
import { importFiles } from '../ingest/import-service';
import type { Handlers } from '../ipc/dispatch';
import { annotationHandlers } from '../ipc/handlers/annotations';
import { briefingHandlers } from '../ipc/handlers/briefings';
import { documentHandlers } from '../ipc/handlers/documents';
import { importHandlers } from '../ipc/handlers/imports';
import { printHandlers } from '../ipc/handlers/print';
import { searchHandlers } from '../ipc/handlers/search';
import { registerSearchSource } from '../search/source';
import { openDatabase, type OpenOptions } from '../store/database';
import type { CoreContext, PlatformServices } from './context';
import { LibraryEvents } from './library-events';

export interface CoreOptions extends OpenOptions {
  platform?: PlatformServices;
  databasePath: string;
  locale?: Locale;
  version?: string;
}

export interface Core {
  ctx: CoreContext;
  handlers: Handlers;
  close(): void;
}

/** The whole application minus Electron: used by the window shell, the CLI and the browser test bridge. */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.databasePath, options);
  const ctx: CoreContext = {
    db,
    events: new LibraryEvents(),
    locale: options.locale ?? 'zh-CN',
    databasePath: options.databasePath,
    version: options.version ?? '0.0.0',
    replaceHooks: [],
    deleteHooks: [],
    platform: options.platform ?? { chooseDocuments: async () => [] },
  };
  installDomainHooks(ctx);
  const handlers: Handlers = mergeHandlers(
    documentHandlers(ctx),
    annotationHandlers(ctx),
    importHandlers(ctx),
    searchHandlers(ctx),
    briefingHandlers(ctx),
    printHandlers(ctx),
  );
  return { ctx, handlers, close: () => db.close() };
}

/**
 * What each domain adds to the core beyond its IPC handlers: hooks on replace and delete, search
 * sources. Installed here, once, so the CLI, the window and the test bridge get the same behaviour
 * whether or not any handler is ever built.
 */
function installDomainHooks(ctx: CoreContext): void {
  const { db } = ctx;
  ctx.replaceHooks.push((documentId, previous) => reanchorDocument(db, documentId, previous));
  registerSearchSource(ctx, annotationSearchSource);
  ctx.replaceHooks.push((documentId, previous) => reanchorBriefingExcerpts(db, documentId, previous));
  ctx.deleteHooks.push((documentId) => orphanBriefingExcerpts(db, documentId));
}

function mergeHandlers(...groups: Partial<Handlers>[]): Handlers {
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
  const seeded = ctx.db.prepare(`SELECT value FROM settings WHERE key = 'seeded'`).get();
  if (seeded) return;
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
  ctx.db.prepare(`INSERT INTO settings (key, value) VALUES ('seeded', ?)`).run(new Date().toISOString());
}
