import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../shared/domain/import';
import { AppError } from '../../../electron/main/kernel/app-error';
import { readStable } from '../../../electron/main/ingest/formats/read-source';
import { createDocumentReader } from '../../../electron/main/ingest/worker/parse-client';
import {
  longParagraph,
  makeFifo,
  writeDeepHtml,
  writeLongParagraphHtml,
  writeLongParagraphPdf,
  writeLongParagraphText,
  writeManyPagesPdf,
  writeOddFolder,
  writeZipBombDocx,
} from '../../fixtures/ingest/hostile-files';
import { runCli } from '../../helpers/cli';
import { SEED_FILE } from './seed-fixture';

let dir: string;
let db: string;
let serial = 0;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-hostile-'));
  db = file('library.sqlite');
  expect((await runCli(['import', SEED_FILE, '--db', db, '--json'])).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const list = async () => (await runCli(['list', '--db', db, '--json'])).json<{ id: string }[]>();

function integrity(): string {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.pragma('integrity_check', { simple: true }) as string;
  } finally {
    handle.close();
  }
}

/** A small ordinary file, different each time, to go in a batch with the hostile ones. */
function goodFile(): string {
  const name = `good-${++serial}.txt`;
  fs.writeFileSync(file(name), `第${serial}份正常材料\n\n这是第${serial}份材料的正文。\n`);
  return file(name);
}

/**
 * Imports the hostile files in one batch with a good file through the CLI: exit 1, each bad
 * file failed with a message naming it, the good one imported, the library otherwise unchanged.
 */
async function importAlongside(bad: string[]): Promise<ImportSummary['failed']> {
  const before = await list();
  const good = goodFile();
  const run = await runCli(['import', ...bad, good, '--db', db, '--json']);
  expect(run.code).toBe(1);
  const summary = run.json<ImportSummary>();
  expect(summary.failed.map((f) => f.file)).toEqual(bad);
  for (const f of summary.failed) expect(f.error).toContain(path.basename(f.file));
  expect(summary.imported.map((d) => d.file)).toEqual([good]);
  const after = await list();
  expect(after).toEqual(expect.arrayContaining(before));
  expect(after).toHaveLength(before.length + 1);
  expect(integrity()).toBe('ok');
  return summary.failed;
}

/** Imports real content in an odd shape: exit 0, one document more; its passages' text. */
async function importsFine(name: string): Promise<string[]> {
  const before = await list();
  const run = await runCli(['import', file(name), '--db', db, '--json']);
  expect(run.code, run.stdout).toBe(0);
  expect(await list()).toHaveLength(before.length + 1);
  const { id } = run.json<ImportSummary>().imported[0]!;
  const exported = await runCli(['export', id, '--db', db, '--json']);
  return exported.json<{ passages: { text: string }[] }>().passages.map((p) => p.text);
}

describe('hostile files: each fails alone with its reason, or imports', () => {
  it('refuses a small DOCX that unpacks to 400 MB, whether its headers say so or lie', async () => {
    await writeZipBombDocx(file('bomb.docx'), 400);
    await writeZipBombDocx(file('lying-bomb.docx'), 400, true);
    expect(fs.statSync(file('bomb.docx')).size).toBeLessThan(1024 * 1024);
    const failed = await importAlongside([file('bomb.docx'), file('lying-bomb.docx')]);
    expect(failed.map((f) => f.code)).toEqual(['docx_too_large', 'docx_too_large']);
    expect(failed[0]!.error).toMatch(/解压后的内容过大（400 MB，上限 64 MB）/);
  }, 60_000);

  it('imports a paragraph of a million characters from text and HTML, whole', async () => {
    writeLongParagraphText(file('long.txt'), 1_000_000);
    writeLongParagraphHtml(file('long.html'), 1_000_000);
    for (const name of ['long.txt', 'long.html'])
      expect(await importsFine(name)).toContain(`${longParagraph(1_000_000)}。`);
  }, 60_000);

  it('imports a PDF whose one paragraph runs over 150 pages', async () => {
    writeLongParagraphPdf(file('long.pdf'), 150);
    const passages = await importsFine('long.pdf');
    expect(passages).toHaveLength(1);
    expect(passages[0]!.length).toBeGreaterThan(700_000);
  }, 60_000);

  it('imports HTML nested a hundred thousand elements deep', async () => {
    writeDeepHtml(file('deep.html'), 100_000);
    expect(await importsFine('deep.html')).toEqual(
      expect.arrayContaining(['深层嵌套中的正文段落。', '页面末尾的一段话。']),
    );
  }, 60_000);

  it('refuses a PDF of 5000 pages before reading its pages', async () => {
    writeManyPagesPdf(file('pages.pdf'), 5000);
    const [failed] = await importAlongside([file('pages.pdf')]);
    expect(failed!.code).toBe('pdf_too_many_pages');
    expect(failed!.error).toMatch(/5000 页，超过 1000 页/);
  }, 60_000);

  it('imports the good files of a folder holding a broken link, a pipe and a device', async () => {
    const folder = file('odd');
    const { good, bad } = writeOddFolder(folder);
    const before = await list();
    const run = await runCli(['import', folder, '--db', db, '--json']);
    expect(run.code).toBe(1);
    const summary = run.json<ImportSummary>();
    expect(summary.imported.map((d) => path.basename(d.file))).toEqual(good);
    expect(summary.failed.map((f) => [path.basename(f.file), f.code])).toEqual(
      bad.map((name) => [name, 'file_missing']),
    );
    for (const f of summary.failed) expect(f.error).toContain(path.basename(f.file));
    expect(await list()).toHaveLength(before.length + good.length);
    expect(integrity()).toBe('ok');
  }, 60_000);

  it('refuses a FIFO named directly, without waiting for a writer', async () => {
    makeFifo(file('direct.fifo'));
    const [failed] = await importAlongside([file('direct.fifo')]);
    expect(failed!.code).toBe('file_missing');
  }, 30_000);

  it('refuses a file that changes while it is read', async () => {
    fs.writeFileSync(file('growing.txt'), '正在写入的文件\n\n第一段。\n');
    const read = readStable(file('growing.txt'), 'growing.txt', async () =>
      fs.promises.appendFile(file('growing.txt'), '第二段。\n'),
    );
    await expect(read).rejects.toMatchObject({ code: 'file_changed' });
    await expect(read).rejects.toThrow(/growing\.txt changed while it was read/);
  });
});

describe('the parse worker', () => {
  const entry = {
    file: path.resolve(__dirname, '../../fixtures/ingest/misbehaving-worker.cjs'),
    typescript: false,
  };

  it('fails the file whose parse exhausts its memory, never retries it here, and goes on', async () => {
    const reader = createDocumentReader({ entry, heapMb: 32, timeLimitMs: 20_000 });
    try {
      const crash = reader.read(file('exhaust.txt'));
      await expect(crash).rejects.toBeInstanceOf(AppError);
      await expect(crash).rejects.toMatchObject({ code: 'file_parse_crashed' });
      // The next file goes to a fresh worker (this one answers "empty"), not to this thread,
      // where a missing file would fail as missing.
      await expect(reader.read(file('next.txt'))).rejects.toMatchObject({ code: 'file_empty' });
      expect(reader.mode).toBe('worker');
      expect(reader.workersStarted).toBe(2);
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('stops a parse that runs past the time limit and says so', async () => {
    const reader = createDocumentReader({ entry, timeLimitMs: 500 });
    try {
      const hang = reader.read(file('hang.txt'));
      await expect(hang).rejects.toMatchObject({ code: 'file_parse_timeout' });
      await expect(hang).rejects.toThrow(/hang\.txt took longer than 1 s/);
      await expect(reader.read(file('after.txt'))).rejects.toMatchObject({ code: 'file_empty' });
    } finally {
      await reader.close();
    }
  }, 30_000);
});
