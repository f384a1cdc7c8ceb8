/** The same tier with SQLite FTS5 (trigram tokenizer) over the same texts, for comparison. Prints JSON. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { createCore } from '../electron/main/core/app-core';
import { insertDocument } from '../electron/main/store/document-writer';
import { lagMonitor, peakRssMb, timeQueries, type EngineFigures } from './measure';
import { oneMoreDocument } from './one-more';

const UNITS = `
  SELECT text, 'passage' AS kind, id FROM passages WHERE document_id IN (SELECT value FROM json_each(@ids))
  UNION ALL SELECT term, 'glossary', id FROM glossary_entries WHERE document_id IN (SELECT value FROM json_each(@ids))
  UNION ALL SELECT definition, 'glossary', id FROM glossary_entries WHERE document_id IN (SELECT value FROM json_each(@ids))
  UNION ALL SELECT title, 'measure', id FROM measures WHERE document_id IN (SELECT value FROM json_each(@ids))`;

function indexDocs(db: Database.Database, ids: string[]): void {
  db.prepare(`INSERT INTO fts (text, kind, record) ${UNITS}`).run({ ids: JSON.stringify(ids) });
}

async function main() {
  const [dbFile, queriesFile, mode, query] = process.argv.slice(2) as [string, string, string?, string?];
  if (mode === 'startup') {
    const loaded = performance.now();
    const db = new Database(dbFile);
    const total = run(db, query!);
    const ms = performance.now();
    process.stdout.write(`${JSON.stringify({ ms, afterLoadMs: ms - loaded, total })}\n`);
    return;
  }
  const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8')) as string[];
  const core = createCore({ databasePath: dbFile });
  const db = core.ctx.db;
  const ids = () => db.prepare(`SELECT id FROM documents`).pluck().all() as string[];

  const lag = await lagMonitor();
  let t = performance.now();
  db.exec(
    `CREATE VIRTUAL TABLE fts USING fts5(text, kind UNINDEXED, record UNINDEXED, tokenize = 'trigram')`,
  );
  db.transaction(() => indexDocs(db, ids()))();
  const buildMs = performance.now() - t;
  const buildLagMs = await lag();

  const marker = '基准测试新增文档标记甲';
  const docId = insertDocument(db, oneMoreDocument(db, marker), { file: null, format: 'bench' });
  t = performance.now();
  indexDocs(db, [docId]);
  const oneMoreMs = performance.now() - t + timeOnce(() => run(db, marker));

  const { p50, p95, cpuP50, cpuP95 } = timeQueries(queries, (q) => run(db, q));
  const indexBytes = (
    db.prepare(`SELECT coalesce(sum(pgsize), 0) AS n FROM dbstat WHERE name LIKE 'fts%'`).get() as {
      n: number;
    }
  ).n;
  const figures: Omit<EngineFigures, 'startToAnswerMs' | 'documents' | 'chars'> = {
    engine: 'fts5',
    buildMs,
    buildLagMs,
    oneMoreMs,
    oneMoreBackgroundMs: null,
    p50,
    p95,
    cpuP50,
    cpuP95,
    queries: queries.length,
    peakRssMb: peakRssMb(),
    indexBytes,
    notes: ['queries under 3 characters fall back to LIKE (a full scan): trigram cannot match them'],
  };
  db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function timeOnce(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Count and best 50 with highlights, as the overlay shows them; plain terms AND-ed, -terms excluded. */
function run(db: Database.Database, query: string): number {
  const terms = query.split(/\s+/u).filter(Boolean);
  const must = terms.filter((t) => !t.startsWith('-'));
  const not = terms.filter((t) => t.startsWith('-')).map((t) => t.slice(1));
  const short = [...must, ...not].some((t) => [...t].length < 3);
  if (short) {
    const where = [...must.map(() => `text LIKE ?`), ...not.map(() => `text NOT LIKE ?`)].join(' AND ');
    const args = [...must, ...not].map((t) => `%${t}%`);
    const total = (db.prepare(`SELECT count(*) AS n FROM fts WHERE ${where}`).get(...args) as { n: number })
      .n;
    db.prepare(`SELECT record, kind, text FROM fts WHERE ${where} LIMIT 50`).all(...args);
    return total;
  }
  const phrase = (t: string) => `"${t.replace(/"/gu, '""')}"`;
  const match = must.map(phrase).join(' AND ') + not.map((t) => ` NOT ${phrase(t)}`).join('');
  const total = (db.prepare(`SELECT count(*) AS n FROM fts WHERE fts MATCH ?`).get(match) as { n: number }).n;
  db.prepare(
    `SELECT record, kind, highlight(fts, 0, '[', ']') FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 50`,
  ).all(match);
  return total;
}

void main();
