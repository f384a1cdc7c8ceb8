import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../electron/main/ipc/dispatch';
import { importHandlers } from '../../electron/main/ingest/domain';
import { holdingReader } from '../fixtures/ingest/holding-reader';
import { expect, screenshotPath, test } from './fixtures';

const CORPUS = path.resolve('../shared/corpus');
const SEED = path.resolve('resources/documents/huli-2021.txt');

/**
 * Files a user might pick: real reports from the corpus (plain text and a saved web page), a copy of
 * the report already in the library, and a file that is not text at all.
 */
function pickFiles(dir: string): string[] {
  const duplicate = path.join(dir, '湖里区报告-副本.txt');
  fs.writeFileSync(duplicate, fs.readFileSync(SEED, 'utf8').replace(/\n/g, '\r\n'));
  const garbage = path.join(dir, 'scan-0001.dat');
  fs.writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  const real = ['hainan-2026.txt', 'national-2024.txt', 'national-2017-govcn.html']
    .map((f) => path.join(CORPUS, f))
    .filter((f) => fs.existsSync(f));
  if (!real.length) {
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, '周末去图书馆还书。\n\n下周二给王老师打电话。\n');
    real.push(notes);
  }
  return [...real, duplicate, garbage];
}

test.describe('importing through the UI', () => {
  test('imports several files from the file dialog, with progress and a result per file', async ({
    app,
    core,
  }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-import-'));
    const files = pickFiles(dir);
    const real = files.length - 2;
    core.ctx.platform = { chooseDocuments: async () => files };

    // Hold the import until the running strip has been seen, so the screenshot shows it for certain.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = core.handlers['imports:start'];
    core.handlers['imports:start'] = (async (request) => {
      await gate;
      return original(request);
    }) as Handlers['imports:start'];

    await app.start();
    const library = await app.openLibrary();
    await library.root.getByRole('button', { name: '导入文件…' }).click();

    const strip = app.page.getByRole('region', { name: '导入结果' });
    await expect(strip).toHaveAttribute('data-state', 'running');
    await expect(strip.getByRole('status')).toHaveText(`正在导入 0/${files.length}`);
    await strip.getByRole('button', { name: '查看每个文件' }).click();
    await expect(strip.locator('.import-file')).toHaveCount(files.length);
    await app.page.screenshot({ path: screenshotPath('import-progress') });

    release();
    await expect(strip).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(strip.getByRole('status')).toHaveText(`导入完成：成功 ${real}，跳过 1，失败 1`);
    await expect(strip.getByRole('progressbar')).toHaveAttribute('value', String(files.length));

    const row = (name: string) => strip.locator('.import-file', { hasText: name });
    await expect(row('湖里区报告-副本.txt')).toHaveAttribute('data-status', 'skipped');
    await expect(row('湖里区报告-副本.txt')).toContainText(
      '与资料库中的《2021年湖里区人民政府工作报告》内容相同',
    );
    await expect(row('scan-0001.dat')).toHaveAttribute('data-status', 'failed');
    await expect(row('scan-0001.dat')).toContainText('scan-0001.dat 不是文本文档');
    for (const f of files.slice(0, real))
      await expect(row(path.basename(f))).toHaveAttribute('data-status', 'done');

    // The library lists what came in, and a result opens its document.
    if (fs.existsSync(CORPUS)) {
      await expect(library.document('2026年海南省政府工作报告')).toBeVisible();
      await expect(library.document('2024年政府工作报告')).toBeVisible();
    }
    await app.page.screenshot({ path: screenshotPath('import-results') });
    await row(path.basename(files[0]!)).getByRole('button', { name: '打开' }).click();
    await expect(app.page.locator('.reader')).toBeVisible();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('files dropped on the window are imported; a drop without paths says what to do', async ({ app }) => {
    await app.start();
    await app.openLibrary();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-drop-'));
    const notes = path.join(dir, '会议纪要.txt');
    fs.writeFileSync(notes, '会议纪要\n\n一、会议议定事项。\n\n请各单位抓好落实。\n');

    // Runs in the page; its globals are typed locally because test code compiles without the DOM library.
    const drop = (uriList: string | null) =>
      app.page.evaluate((list) => {
        interface Transfer {
          setData(type: string, value: string): void;
          items: { add(file: unknown): void };
        }
        const w = globalThis as unknown as {
          DataTransfer: new () => Transfer;
          File: new (parts: string[], name: string, options: { type: string }) => unknown;
          DragEvent: new (type: string, init: object) => unknown;
          document: { querySelector(s: string): { dispatchEvent(e: unknown): boolean } | null };
        };
        const data = new w.DataTransfer();
        if (list) data.setData('text/uri-list', list);
        else data.items.add(new w.File(['x'], 'from-browser.txt', { type: 'text/plain' }));
        const target = w.document.querySelector('.library')!;
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(
            new w.DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
          );
      }, uriList);

    // In a plain browser a dropped File has no path: the app says how to import instead.
    await drop(null);
    await expect(app.page.getByRole('alert')).toHaveText(
      '拖入的内容没有文件路径，请用“导入文件…”按钮选择文件。',
    );

    await drop(`file://${notes.split(path.sep).map(encodeURIComponent).join('/')}`);
    const strip = app.page.getByRole('region', { name: '导入结果' });
    await expect(strip).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(strip.getByRole('status')).toHaveText('导入完成：成功 1，跳过 0，失败 0');
    await expect(app.library.document('会议纪要')).toBeVisible();
    await app.page.screenshot({ path: screenshotPath('import-drop') });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a running import can be cancelled: what came in stays, the rest say cancelled', async ({
    app,
    core,
  }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-cancel-'));
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const files = [
      write('会议纪要.txt', '会议纪要\n\n一、会议议定事项。\n\n请各单位抓好落实。\n'),
      write('年度报告.txt', '年度报告\n\n一、主要工作。\n\n全年完成各项任务。\n'),
      write('工作要点.txt', '工作要点\n\n一、重点任务。\n\n抓好项目建设。\n'),
    ];
    core.ctx.platform = { chooseDocuments: async () => files };
    // The second file's read is held until the batch is cancelled: the cancel meets a parse in progress.
    const group = importHandlers(core.ctx, { createReader: () => holdingReader(files[1]!) });
    core.handlers['imports:start'] = group['imports:start'];
    core.handlers['imports:cancel'] = group['imports:cancel'];

    await app.start();
    const library = await app.openLibrary();
    await library.root.getByRole('button', { name: '导入文件…' }).click();

    const strip = app.page.getByRole('region', { name: '导入结果' });
    const row = (name: string) => strip.locator('.import-file', { hasText: name });
    await expect(strip).toHaveAttribute('data-state', 'running');
    await expect(strip.getByRole('status')).toHaveText('正在导入 1/3');
    await expect(strip).toContainText('当前：年度报告.txt');
    await strip.getByRole('button', { name: '查看每个文件' }).click();
    await expect(row('年度报告.txt')).toHaveAttribute('data-status', 'reading');
    await app.page.screenshot({ path: screenshotPath('import-cancel-running') });

    await strip.getByRole('button', { name: '取消导入' }).click();
    await expect(strip).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(strip.getByRole('status')).toHaveText('导入已取消：成功 1，跳过 0，失败 0，取消 2');
    await expect(strip.getByRole('button', { name: '取消导入' })).toHaveCount(0);
    await expect(strip.getByRole('progressbar')).toHaveAttribute('value', '3');
    await expect(row('会议纪要.txt')).toHaveAttribute('data-status', 'done');
    for (const name of ['年度报告.txt', '工作要点.txt']) {
      await expect(row(name)).toHaveAttribute('data-status', 'cancelled');
      await expect(row(name).locator('.import-file-status')).toHaveText('已取消');
    }
    await expect(library.document('会议纪要')).toBeVisible();
    await expect(library.document('年度报告')).toHaveCount(0);
    await app.page.screenshot({ path: screenshotPath('import-cancelled') });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
