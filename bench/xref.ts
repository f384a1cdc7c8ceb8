/**
 * Cross-reference figures per tier (S, M, L): building the search index they read, the 关联 tab's data
 * for a passage, the term view, and keeping the index up to date when one document is imported,
 * replaced or deleted. `npm run bench` runs it after the search table; alone:
 * `BENCH_TIERS=M npx tsx bench/xref.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../electron/main/core/app-core';
import { searchServiceFor } from '../electron/main/search/search-service';
import { insertDocument, replaceDocument } from '../electron/main/store/document-writer';
import { deleteWithUndo } from '../electron/main/documents/document-care';
import { passageXref } from '../electron/main/xref/passage-xref';
import { traceTerm } from '../electron/main/xref/term-service';
import { random } from './generate';
import { oneMoreDocument } from './one-more';
import { realQueries, scratchCopy, tierDatabase, type Tier } from './tiers';

const SAMPLES = 60;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const time = (fn: () => void) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);

interface XrefFigures {
  tier: Tier;
  documents: number;
  buildMs: number;
  xrefP50: number;
  xrefP95: number;
  termP50: number;
  termP95: number;
  importMs: number;
  replaceMs: number;
  deleteMs: number;
}

async function measureTier(tier: Tier): Promise<XrefFigures> {
  const file = scratchCopy(await tierDatabase(tier), 'xref');
  const core = createCore({ databasePath: file });
  const { ctx } = core;
  const db = ctx.db;
  // Related passages are read from the search index: building it is all the indexing they need.
  const index = searchServiceFor(ctx).index;
  const buildMs = time(() => index.indexPendingNow());

  const rnd = random(17);
  const ids = db.prepare(`SELECT id FROM passages`).pluck().all() as string[];
  const xref = Array.from({ length: SAMPLES }, () => {
    const id = ids[Math.floor(rnd() * ids.length)]!;
    return time(() => passageXref(ctx, id));
  });
  const texts = db.prepare(`SELECT text FROM passages`).pluck().all() as string[];
  const queries = realQueries(texts, 80, 5)
    .filter((q) => !/[-:]/u.test(q))
    .slice(0, SAMPLES);
  const term = queries.map((q) => time(() => traceTerm(ctx, q)));

  // One more document: written as an import writes it, then the index catches up (what the 关联 tab waits for).
  const doc = oneMoreDocument(db, '跨文档关联基准标记');
  const newId = insertDocument(db, doc, { file: null, format: 'generated' });
  const importMs = time(() => index.indexPendingNow());
  replaceDocument(
    db,
    newId,
    {
      ...doc,
      meta: { ...doc.meta, title: `${doc.meta.title}（修订）` },
      passages: doc.passages.map((p, i) => (i === 2 ? { ...p, text: `${p.text}修订。` } : p)),
    },
    { file: null, format: 'generated' },
    (alignment) => ctx.replaceHooks.forEach((h) => h(newId, alignment)),
  );
  const replaceMs = time(() => index.indexPendingNow());
  deleteWithUndo(ctx, newId, 'orphan');
  const deleteMs = time(() => index.indexPendingNow());
  const documents = db.prepare(`SELECT count(*) FROM documents`).pluck().get() as number;
  core.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return {
    tier,
    documents,
    buildMs,
    xrefP50: percentile(xref, 50),
    xrefP95: percentile(xref, 95),
    termP50: percentile(term, 50),
    termP95: percentile(term, 95),
    importMs,
    replaceMs,
    deleteMs,
  };
}

/** Prints one table of cross-reference figures for the tiers asked for. */
export async function runXrefBench(tiers: Tier[]): Promise<void> {
  const rows: XrefFigures[] = [];
  for (const tier of tiers) {
    rows.push(await measureTier(tier));
    process.stderr.write(`tier ${tier}: cross-references done\n`);
  }
  const header = [
    'tier',
    'docs',
    'search index build (all xref needs)',
    '关联 tab p50',
    '关联 tab p95',
    'term view p50',
    'term view p95',
    '+1 doc index',
    'replace',
    'delete',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows)
    lines.push(
      `| ${[r.tier, r.documents, ms(r.buildMs), ms(r.xrefP50), ms(r.xrefP95), ms(r.termP50), ms(r.termP95), ms(r.importMs), ms(r.replaceMs), ms(r.deleteMs)].join(' | ')} |`,
    );
  process.stdout.write(
    `\nCross-references (targets: 关联 tab ≤ 100 ms at M, ≤ 300 ms at L; term view ≤ 200 ms at L; +1 doc ≤ 1 s)\n\n${lines.join('\n')}\n`,
  );
}

if (require.main === module) {
  const tiers = (process.env.BENCH_TIERS?.split(',') as Tier[] | undefined) ?? ['S', 'M', 'L'];
  void runXrefBench(tiers);
}
