import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { foldText } from '../../../electron/main/search/fold';
import { searchServiceFor } from '../../../electron/main/search/search-service';

export { random } from '../../../bench/generate';

/** The real documents beside the repository, as users import them. */
export { CORPUS_DIR, corpusAvailable } from '../../helpers/corpus';
import { CORPUS_DIR } from '../../helpers/corpus';
export const SEED = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');

export const corpusFiles = (): string[] =>
  fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => path.join(CORPUS_DIR, f));

/** Opens cores on library files; each is closed after the test that opened it. */
export function coreOpener(): (databasePath: string) => Core {
  const cores: Core[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.ctx.db.open && c.close()));
  return (databasePath) => {
    const core = createCore({ databasePath });
    cores.push(core);
    return core;
  };
}

export function tempDatabase(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-search-')), 'library.db');
}

/** A library on disk with these files imported (parsed on this thread). */
export async function libraryWith(files: string[], databasePath = tempDatabase()): Promise<Core> {
  const core = createCore({ databasePath });
  const summary = await importFiles(core.ctx, files, { inline: true });
  if (summary.failed.length) throw new Error(`import failed: ${summary.failed[0]!.error}`);
  return core;
}

export interface OracleUnit {
  kind: string;
  recordId: string;
  field: string;
  text: string;
  folded: string;
}

/** Every searchable text of the library, straight from the tables: what brute force searches. */
export function oracleUnits(core: Core): OracleUnit[] {
  const db = core.ctx.db;
  return [
    ...(db.prepare(`SELECT id, text FROM passages`).all() as { id: string; text: string }[]).map((r) => ({
      kind: 'passage',
      recordId: r.id,
      field: 'text',
      text: r.text,
    })),
    ...(
      db.prepare(`SELECT id, term, definition FROM glossary_entries`).all() as {
        id: string;
        term: string;
        definition: string;
      }[]
    ).flatMap((r) => [
      { kind: 'glossary', recordId: r.id, field: 'term', text: r.term },
      { kind: 'glossary', recordId: r.id, field: 'definition', text: r.definition },
    ]),
    ...(
      db.prepare(`SELECT id, title, indicator FROM measures`).all() as {
        id: string;
        title: string;
        indicator: string | null;
      }[]
    ).flatMap((r) => [
      { kind: 'measure', recordId: r.id, field: 'title', text: r.title },
      { kind: 'measure', recordId: r.id, field: 'indicator', text: r.indicator ?? '' },
    ]),
  ]
    .filter((u) => u.text)
    .map((u) => ({ ...u, folded: foldText(u.text) }));
}

export const unitKey = (u: { kind: string; recordId: string; field: string }) =>
  `${u.kind}:${u.recordId}:${u.field}`;

/** Brute force: units whose folded text contains every literal and none of the excluded ones. */
export function oracle(units: OracleUnit[], all: string[], none: string[] = []): Set<string> {
  const must = all.map(foldText);
  const not = none.map(foldText);
  return new Set(
    units
      .filter((u) => must.every((m) => u.folded.includes(m)) && !not.some((n) => u.folded.includes(n)))
      .map(unitKey),
  );
}

/** All hits of a query over the whole library (indexed first, as the CLI does). */
export function searchAll(core: Core, query: string) {
  const service = searchServiceFor(core.ctx);
  service.index.indexPendingNow();
  return service.hits(query, { limit: 1_000_000 });
}
