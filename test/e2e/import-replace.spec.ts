import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../electron/main/core/app-core';
import { expect, screenshotPath, test } from './fixtures';

const SEED = path.resolve('resources/documents/huli-2021.txt');
/** The annotated span, and a sentence before it in the same paragraph that the revised edition rewrites. */
const QUOTE = '全社会固定资产投资比增5.0%';
const OLD_TARGET = '地区生产总值比增8.0%以上';
const NEW_TARGET = '地区生产总值比增7.5%左右、力争更好';

/** Annotates QUOTE in the bundled report through the core, as a user's earlier highlight. */
async function annotateSeed(core: Core): Promise<{ docId: string; title: string; annotationId: string }> {
  const [doc] = await core.call('documents:list', {});
  if (!doc) throw new Error('the library has no seed document');
  const bundle = await core.call('documents:get', { id: doc.id });
  const passage = bundle.passages.find((p) => p.text.includes(QUOTE));
  if (!passage) throw new Error(`no passage of the seed holds ${QUOTE}`);
  const start = passage.text.indexOf(QUOTE);
  const annotation = await core.call('annotations:create', {
    passageId: passage.id,
    start,
    end: start + QUOTE.length,
    color: 'red',
    note: '投资增速目标',
  });
  return { docId: doc.id, title: doc.title, annotationId: annotation.id };
}

/**
 * Writes a revised copy of the seed, one sentence before the annotated span rewritten (longer, so the
 * span moves), and makes it what the file dialog picks.
 */
function offerRevision(core: Core): void {
  const text = fs.readFileSync(SEED, 'utf8');
  if (!text.includes(OLD_TARGET)) throw new Error(`the seed no longer says ${OLD_TARGET}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-replace-'));
  const file = path.join(dir, '湖里区报告-修订版.txt');
  fs.writeFileSync(file, text.replace(OLD_TARGET, NEW_TARGET));
  core.ctx.platform = { chooseDocuments: async () => [file] };
}

test.describe('importing a revised edition through the UI', () => {
  test('replaces from the library row, says so, and shows where the annotation went', async ({
    app,
    core,
  }) => {
    const seed = await annotateSeed(core);
    offerRevision(core);
    const before = (await core.call('documents:list', {})).length;

    await app.start();
    const library = await app.openLibrary();
    const row = library.root.locator('.doc-row-item', {
      has: app.page.locator('.doc-row', { hasText: seed.title }),
    });
    await row.hover();
    await expect(row.getByRole('button', { name: '导入修订版…' })).toHaveCSS('opacity', '1');
    await row.screenshot({ path: screenshotPath('replace-row') });
    await row.getByRole('button', { name: '导入修订版…' }).click();

    const dialog = app.page.getByRole('dialog', { name: '导入修订版' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`用所选文件替换《${seed.title}》的正文`);
    await expect(dialog).toContainText('湖里区报告-修订版.txt');
    await expect(dialog).toContainText('批注会重新定位到新文本');
    // The dialog opens on its action, as it asks to (not on its ×).
    await expect(dialog.getByRole('button', { name: '替换' })).toBeFocused();
    await app.page.screenshot({ path: screenshotPath('replace-confirm') });
    await dialog.getByRole('button', { name: '替换' }).click();
    await expect(dialog).toBeHidden();

    const strip = app.page.getByRole('region', { name: '导入结果' });
    await expect(strip).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(strip.getByRole('status')).toHaveText(
      '修订版已导入：湖里区报告-修订版.txt 替换了原来的正文',
    );
    const line = strip.locator('.import-file', { hasText: '湖里区报告-修订版.txt' });
    await expect(line).toHaveAttribute('data-replaced', 'true');
    await expect(line.locator('.import-file-status')).toHaveText('已替换');

    // Same identity: no new document, the id kept, the annotation still there.
    const after = await core.call('documents:list', {});
    expect(after).toHaveLength(before);
    expect(after.some((d) => d.id === seed.docId)).toBe(true);

    await line.getByRole('button', { name: '查看批注变化' }).click();
    const { reader } = app;
    await expect(reader.passage(NEW_TARGET)).toBeVisible();
    await expect(reader.tab('批注')).toHaveAttribute('aria-selected', 'true');
    const drift = reader.panel.locator('details.ann-drift');
    await expect(drift).toHaveAttribute('open', '');
    await expect(drift.locator('summary')).toContainText('已移动 1');
    const item = drift.locator('.ann-drift-item', { hasText: QUOTE });
    await expect(item).toHaveAttribute('data-outcome', 'moved');
    await expect(item).toBeInViewport();
    // The highlight follows the span into the new text.
    const marked = reader.passage(NEW_TARGET).locator('.deco-annotation');
    await expect
      .poll(() => marked.evaluateAll((els) => els.map((el) => el.textContent ?? '').join('')))
      .toBe(QUOTE);
    await app.page.screenshot({ path: screenshotPath('replace-drift') });

    // 在正文中查看: the text scrolls back to where the annotation went and flashes that paragraph.
    await reader.text.evaluate((pane) => pane.scrollTo({ top: pane.scrollHeight }));
    await expect(reader.passage(NEW_TARGET)).not.toBeInViewport();
    await item.getByRole('button', { name: '在正文中查看' }).click();
    await expect(reader.passage(NEW_TARGET)).toBeInViewport();
    await expect(reader.passage(NEW_TARGET)).toHaveClass(/is-flash/);
    await expect(reader.passage(NEW_TARGET)).toBeFocused();
    await expect(reader.panel.locator('.ann-item[aria-current="true"]')).toContainText(QUOTE);
    await app.page.screenshot({ path: screenshotPath('drift-scroll') });
  });

  test('replaces the open document from the reader, which shows the new text in place', async ({
    app,
    core,
  }) => {
    const seed = await annotateSeed(core);
    offerRevision(core);

    await app.start();
    const { reader, page } = app;
    await expect(reader.passage(OLD_TARGET)).toBeVisible();
    await reader.root.getByRole('button', { name: '导入修订版…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入修订版' });
    await expect(dialog).toContainText(`《${seed.title}》`);

    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('region', { name: '导入结果' })).toHaveCount(0);

    await reader.root.getByRole('button', { name: '导入修订版…' }).click();
    await dialog.getByRole('button', { name: '替换' }).click();
    const strip = page.getByRole('region', { name: '导入结果' });
    await expect(strip).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
    await expect(strip.locator('.import-file-status')).toHaveText('已替换');
    // The reader reloads the replaced document without being asked.
    await expect(reader.passage(NEW_TARGET)).toBeVisible();
    await expect(reader.root.getByText(OLD_TARGET)).toHaveCount(0);
    const [annotation] = await core.call('annotations:list', { documentId: seed.docId });
    expect(annotation).toMatchObject({ id: seed.annotationId, quote: QUOTE, status: 'anchored' });
  });
});
