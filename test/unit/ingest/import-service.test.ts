import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgressEvent } from '../../../shared/ipc/events';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { MAX_FILE_BYTES } from '../../../electron/main/ingest/formats/read-source';
import { createDocumentReader, findWorkerEntry } from '../../../electron/main/ingest/worker/parse-client';
import { getDocumentBundle } from '../../../electron/main/store/document-reader';
import { chromiumPath, makeDocx, makeScanLikePdf } from './format-fixtures';
import { SEED_FILE, seedText } from './seed-fixture';

let dir: string;
const cores: Core[] = [];
const file = (name: string) => path.join(dir, name);

function newCore(locale: 'zh-CN' | 'en' = 'zh-CN'): Core {
  const core = createCore({ databasePath: path.join(dir, `lib-${cores.length}.sqlite`), locale });
  cores.push(core);
  return core;
}

const counts = (core: Core) =>
  Object.fromEntries(
    ['documents', 'sections', 'passages', 'glossary_entries', 'footnote_refs', 'measures'].map((t) => [
      t,
      (core.ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );

/** Deterministic bytes that are not text in any encoding. */
function garbage(size: number): Buffer {
  const out = Buffer.alloc(size);
  let x = 0x2545f491;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-import-'));
  fs.writeFileSync(file('empty.txt'), '');
  fs.writeFileSync(file('blank.txt'), '  \n\u3000\n\n');
  fs.writeFileSync(file('garbage.txt'), garbage(64 * 1024));
  const docx = await makeDocx(
    seedText()
      .split('\n')
      .filter((l) => l.trim()),
  );
  fs.writeFileSync(file('truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  // 200 MB without writing 200 MB: a sparse file, refused by its size before any byte is read.
  const fd = fs.openSync(file('huge.txt'), 'w');
  fs.ftruncateSync(fd, 200 * 1024 * 1024);
  fs.closeSync(fd);
  fs.writeFileSync(
    file('notes.txt'),
    '周末去图书馆还书。\n\n买菜：西红柿、鸡蛋、葱。\n\n下周二给王老师打电话。\n',
  );
  if (fs.existsSync(chromiumPath)) await makeScanLikePdf(file('scan.pdf'));
}, 60_000);
afterAll(() => {
  for (const c of cores) c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bad input', () => {
  it('fails each bad file with its own reason, imports the rest, and leaves the library intact', async () => {
    const core = newCore();
    const first = await importFiles(core.ctx, [SEED_FILE], { inline: true });
    const seedId = first.imported[0]!.id;
    const before = { counts: counts(core), bundle: getDocumentBundle(core.ctx.db, seedId) };

    const bad = ['empty.txt', 'blank.txt', 'garbage.txt', 'truncated.docx', 'huge.txt', 'missing.txt'];
    const withScan = fs.existsSync(file('scan.pdf')) ? [...bad, 'scan.pdf'] : bad;
    const summary = await importFiles(core.ctx, [...withScan.map(file), file('notes.txt')], { inline: true });

    const codes = Object.fromEntries(summary.failed.map((f) => [path.basename(f.file), f.code]));
    expect(codes).toEqual({
      'empty.txt': 'file_empty',
      'blank.txt': 'file_empty',
      'garbage.txt': 'file_binary',
      'truncated.docx': 'docx_damaged',
      'huge.txt': 'file_too_large',
      'missing.txt': 'file_missing',
      ...(withScan.includes('scan.pdf') ? { 'scan.pdf': 'pdf_no_text' } : {}),
    });
    for (const f of summary.failed) expect(f.error).toContain(path.basename(f.file));
    expect(summary.failed.find((f) => f.code === 'file_too_large')!.error).toMatch(/200 MB.*64 MB/);

    // A file that is no policy document at all is still read, as plain passages.
    expect(summary.imported.map((d) => path.basename(d.file))).toEqual(['notes.txt']);
    const notes = getDocumentBundle(core.ctx.db, summary.imported[0]!.id)!;
    expect(notes.sections).toEqual([]);
    expect(notes.passages.map((p) => p.text)).toEqual([
      '周末去图书馆还书。',
      '买菜：西红柿、鸡蛋、葱。',
      '下周二给王老师打电话。',
    ]);

    expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const after = counts(core);
    expect(after.documents).toBe(before.counts.documents! + 1);
    expect(after.passages).toBe(before.counts.passages! + 3);
    expect(getDocumentBundle(core.ctx.db, seedId)).toEqual(before.bundle);
  }, 60_000);

  it('words its messages in the library locale', async () => {
    const zh = await importFiles(newCore('zh-CN').ctx, [file('garbage.txt')], { inline: true });
    const en = await importFiles(newCore('en').ctx, [file('garbage.txt')], { inline: true });
    expect(zh.failed[0]!.error).toBe('garbage.txt 不是文本文档（内容是二进制数据），无法导入。');
    expect(en.failed[0]!.error).toBe('garbage.txt is not a text document (its content is binary data).');
  });

  it('refuses a file over the limit without reading it', async () => {
    expect(fs.statSync(file('huge.txt')).size).toBeGreaterThan(MAX_FILE_BYTES);
    const reader = createDocumentReader({ inline: true });
    await expect(reader.read(file('huge.txt'))).rejects.toMatchObject({ code: 'file_too_large' });
  });
});

describe('duplicates and editions', () => {
  it('skips identical content with a reason naming the document already there', async () => {
    const core = newCore();
    const copy = file('huli-copy.txt');
    fs.writeFileSync(copy, seedText().replace(/\n/g, '\r\n'));
    const summary = await importFiles(core.ctx, [SEED_FILE, copy], { inline: true });
    expect(summary.imported).toHaveLength(1);
    expect(summary.skipped).toEqual([
      {
        file: copy,
        existingId: summary.imported[0]!.id,
        reason: 'huli-copy.txt 与资料库中的《2021年湖里区人民政府工作报告》内容相同，已跳过。',
      },
    ]);
    expect(counts(core).documents).toBe(1);
  });

  it('replaces a document by a revised edition under the same id, running the replace hooks', async () => {
    const core = newCore();
    const id = (await importFiles(core.ctx, [SEED_FILE], { inline: true })).imported[0]!.id;
    const revised = file('huli-revised.txt');
    fs.writeFileSync(revised, seedText().replace('设置970个卡口', '设置980个卡口'));
    const seen: string[] = [];
    core.ctx.replaceHooks.push((docId, alignment) => seen.push(`${docId}:${alignment.previous.length}`));
    const summary = await importFiles(core.ctx, [revised], { inline: true, replace: id });
    expect(summary.imported).toEqual([expect.objectContaining({ id, replaced: true, passages: 71 })]);
    expect(seen).toEqual([`${id}:71`]);
    const bundle = getDocumentBundle(core.ctx.db, id)!;
    expect(bundle.document.edition).toBe(2);
    expect(bundle.passages.some((p) => p.text.includes('设置980个卡口'))).toBe(true);
    expect(counts(core)).toMatchObject({
      documents: 1,
      passages: 71,
      glossary_entries: 34,
      footnote_refs: 34,
    });
  });
});

describe('parsing off the main thread', () => {
  it('finds the worker next to the code, built or as source', () => {
    const entry = findWorkerEntry(path.resolve(__dirname, '../../../electron/main/ingest/worker'));
    expect(entry).toEqual({ file: expect.stringMatching(/parse-worker\.ts$/), typescript: true });
    expect(findWorkerEntry(dir)).toBeNull();
    const out = path.join(dir, 'out-main');
    fs.mkdirSync(path.join(out, 'chunks'), { recursive: true });
    fs.writeFileSync(path.join(out, 'parse-worker.js'), '');
    expect(findWorkerEntry(out)).toEqual({ file: path.join(out, 'parse-worker.js'), typescript: false });
    expect(findWorkerEntry(path.join(out, 'chunks'))).toEqual({
      file: path.join(out, 'parse-worker.js'),
      typescript: false,
    });
  });

  it('parses in a worker thread to the same document, and carries error codes back', async () => {
    const reader = createDocumentReader();
    try {
      expect(reader.mode).toBe('worker');
      const viaWorker = await reader.read(SEED_FILE);
      const inline = await createDocumentReader({ inline: true }).read(SEED_FILE);
      expect(viaWorker).toEqual(inline);
      await expect(reader.read(file('garbage.txt'))).rejects.toMatchObject({ code: 'file_binary' });
      expect(reader.mode).toBe('worker');
    } finally {
      await reader.close();
    }
  }, 60_000);

  it('imports through the worker and reports progress for every file', async () => {
    const core = newCore();
    const events: ImportProgressEvent[] = [];
    core.ctx.events.on('import:progress', (e) => events.push(e));
    const summary = await importFiles(core.ctx, [SEED_FILE, file('garbage.txt')], { batchId: 'b1' });
    expect(summary.imported).toHaveLength(1);
    expect(summary.failed).toHaveLength(1);
    expect(events.map((e) => `${e.index}/${e.total} ${e.phase}`)).toEqual([
      '0/2 reading',
      '0/2 storing',
      '0/2 done',
      '1/2 reading',
      '1/2 failed',
    ]);
    expect(events.every((e) => e.batchId === 'b1')).toBe(true);
  }, 60_000);

  it('falls back to this thread when no worker can start', async () => {
    const broken = createDocumentReader({
      entry: { file: path.join(dir, 'no-such-worker.js'), typescript: false },
    });
    const result = await broken.read(SEED_FILE);
    expect(result.doc.passages).toHaveLength(71);
    expect(broken.mode).toBe('inline');
    await broken.close();
  });
});
