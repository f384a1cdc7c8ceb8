import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshotPath, test } from './fixtures';
import { PrintDialogPage } from './models/print-dialog';

const PHRASE = '地区生产总值1360亿元';

test.describe('printing from the reader', () => {
  test('Ctrl+P opens the dialog with a preview of the pages, the font stand-ins, and saves a PDF', async ({
    app,
    core,
    page,
  }) => {
    const [doc] = await core.call('documents:list', {});
    const bundle = await core.call('documents:get', { id: doc!.id });
    const passage = bundle.passages.find((p) => p.text.includes(PHRASE))!;
    const start = passage.text.indexOf(PHRASE);
    await core.call('annotations:create', {
      passageId: passage.id,
      start,
      end: start + PHRASE.length,
      color: 'red',
      note: '需跟踪',
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-print-'));
    const target = path.join(dir, 'excerpts.pdf');
    core.ctx.platform.chooseSaveFile = async () => target;

    await app.start();
    await app.reader.title().waitFor();
    await app.pressShortcut('Control+P');
    const dialog = new PrintDialogPage(page);
    await expect(dialog.root).toBeVisible();
    await expect(dialog.previews.first()).toBeVisible({ timeout: 15_000 });
    await expect(dialog.previews.first()).toContainText(PHRASE);
    await expect(dialog.previews.first()).toContainText('[1]');

    await dialog.choose('公文（GB/T 9704）');
    await dialog.choose('全文');
    await expect(dialog.root.getByText(/共 \d+ 页/)).toBeVisible({ timeout: 15_000 });
    await expect(dialog.previews).toHaveCount(2);
    await expect(dialog.fonts()).toContainText('仿宋_GB2312');
    await page.screenshot({ path: screenshotPath('print-dialog-gongwen') });

    await dialog.button('保存 PDF').click();
    // a whole report in PDF: allow for a busy machine
    await expect(dialog.status).toContainText(`已保存到 ${target}`, { timeout: 30_000 });
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    await page.keyboard.press('Escape');
    await expect(dialog.root).toBeHidden();
  });

  test('the print button on a library row offers the same dialog; printing unavailable is said plainly', async ({
    app,
    page,
  }) => {
    await app.start();
    const library = await app.openLibrary();
    const row = library.root.locator('.doc-row-item').first();
    await row.hover();
    await expect(row.getByRole('button', { name: '打印…' })).toHaveCSS('opacity', '1');
    await row.screenshot({ path: screenshotPath('print-library-row') });
    await row.getByRole('button', { name: '打印…' }).click();
    const dialog = new PrintDialogPage(page);
    await dialog.choose('全文');
    await expect(dialog.previews.first()).toBeVisible();
    await dialog.button('打印').click();
    await expect(dialog.status).toContainText('未完成');
    await page.screenshot({ path: screenshotPath('print-dialog-standard') });
  });
});
