import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/main/core/app-core';
import { importFiles } from '../electron/main/ingest/import-service';
import { readDocument } from '../electron/main/ingest/read-document';
import { insertDocument } from '../electron/main/store/document-writer';
import { generateLibrary, random } from './generate';

export const ROOT = path.resolve(__dirname, '..');
export const CORPUS_DIR = path.resolve(ROOT, '../shared/corpus');
export const SEED = path.join(ROOT, 'resources/documents/huli-2021.txt');
/** Bump when the generator changes, so cached libraries are made again. */
const GENERATION = 3;
export const CACHE = path.join(os.tmpdir(), `yandu-bench-v${GENERATION}`);

export type Tier = 'S' | 'M' | 'L';

export const corpusFiles = (): string[] =>
  fs
    .readdirSync(CORPUS_DIR)
    .filter((f) => /\.(txt|html)$/u.test(f))
    .sort()
    .map((f) => path.join(CORPUS_DIR, f));

/** The library of a tier, made once and cached: S = the seed, M = the corpus, L = 500 generated. */
export async function tierDatabase(tier: Tier): Promise<string> {
  fs.mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `${tier}.db`);
  if (fs.existsSync(file)) return file;
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const core = createCore({ databasePath: partial });
  if (tier === 'S') await importFiles(core.ctx, [SEED], { inline: true });
  else if (tier === 'M') await importFiles(core.ctx, corpusFiles(), { inline: true });
  else {
    const templates = await Promise.all(corpusFiles().map(async (f) => (await readDocument(f)).doc));
    for (const doc of generateLibrary(templates, 500, 42))
      insertDocument(core.ctx.db, doc, { file: null, format: 'generated' });
  }
  core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  fs.renameSync(partial, file);
  fs.rmSync(`${partial}-wal`, { force: true });
  fs.rmSync(`${partial}-shm`, { force: true });
  return file;
}

/** A scratch copy of a tier's library for one engine's run. */
export function scratchCopy(file: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `yandu-bench-${name}-`));
  const copy = path.join(dir, 'library.db');
  fs.copyFileSync(file, copy);
  return copy;
}

/** Texts a user would search in this library: every passage, glossary text and measure title. */
export function searchableTexts(dbFile: string): { documents: number; texts: string[] } {
  const core = createCore({ databasePath: dbFile });
  const db = core.ctx.db;
  const texts = [
    ...(db.prepare(`SELECT text FROM passages`).pluck().all() as string[]),
    ...(db.prepare(`SELECT term FROM glossary_entries`).pluck().all() as string[]),
    ...(db.prepare(`SELECT definition FROM glossary_entries`).pluck().all() as string[]),
    ...(db.prepare(`SELECT title FROM measures`).pluck().all() as string[]),
  ];
  const documents = db.prepare(`SELECT count(*) FROM documents`).pluck().get() as number;
  core.close();
  return { documents, texts };
}

/** Phrases people look up in work reports, plus the tricky ones. */
const TOPICS = [
  '疫情防控',
  '引资',
  '两岸',
  'RCEP',
  '“六稳”',
  '高质量发展 -疫情',
  '营商环境',
  '乡村振兴',
  '招商引资',
  '数字经济',
  '碳达峰',
  '民生',
  '就业',
  '科技创新',
  '生态环境',
  '一带一路',
  '教育',
  '医疗',
  '养老',
  '新型城镇化',
  '5G',
  'GDP',
  '自贸区',
  '供给侧结构性改革',
  '共同富裕',
  '安全生产',
  '放管服',
  '人才',
];

/**
 * Real queries for a library: substrings of its own texts, 1 to 8 Chinese characters (lengths
 * equally likely), some Latin and number strings, and the topics above.
 */
export function realQueries(texts: string[], count = 300, seed = 9): string[] {
  const rnd = random(seed);
  const out = new Set<string>(TOPICS);
  const take = (min: number, max: number, shape: RegExp, n: number) => {
    for (let added = 0, tries = 0; added < n && tries < n * 500; tries++) {
      const text = texts[Math.floor(rnd() * texts.length)]!;
      const length = min + Math.floor(rnd() * (max - min + 1));
      const start = Math.floor(rnd() * Math.max(1, text.length - length));
      const q = text.slice(start, start + length);
      if (q.length === length && shape.test(q) && !out.has(q)) {
        out.add(q);
        added++;
      }
    }
  };
  take(1, 8, /^\p{Script=Han}+$/u, count - TOPICS.length - 30);
  take(1, 5, /^[A-Za-z0-9.%]+$/u, 30);
  return [...out];
}
