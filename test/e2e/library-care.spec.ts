import { expect, screenshotPath, test } from './fixtures';

test.describe('library care through the UI', () => {
  test('deletes a document after asking about its annotations, and undoes it', async ({ app, core }) => {
    const [doc] = await core.call('documents:list', {});
    if (!doc) throw new Error('the library has no seed document');
    const bundle = await core.call('documents:get', { id: doc.id });
    await core.call('annotations:create', { passageId: bundle.passages[3]!.id, start: 0, end: 4 });

    await app.start();
    const library = await app.openLibrary();
    const row = library.root.locator('.doc-row-item', {
      has: app.page.locator('.doc-row', { hasText: doc.title }),
    });
    await row.hover();
    await row.getByRole('button', { name: '删除' }).click();
    const dialog = app.page.getByRole('dialog', { name: '删除文档' });
    await expect(dialog).toContainText(`《${doc.title}》`);
    await expect(dialog.getByRole('radio', { name: /保留为孤立批注/ })).toBeChecked();
    // 取消 first, as in the inline confirmations (showModal had focused the dialog's ×)
    await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
    await app.page.screenshot({ path: screenshotPath('care-delete-confirm') });
    await dialog.getByRole('button', { name: '删除' }).click();

    const strip = app.page.locator('.care-strip');
    await expect(strip).toContainText(`已删除《${doc.title}》，1 条批注保留为孤立批注`);
    await expect(row).toHaveCount(0);
    expect(await core.call('documents:list', {})).toEqual([]);
    await app.page.screenshot({ path: screenshotPath('care-deleted') });

    await strip.getByRole('button', { name: '撤销删除' }).click();
    await expect(strip).toContainText(`已恢复《${doc.title}》`);
    await expect(library.root.locator('.doc-row', { hasText: doc.title })).toBeVisible();
    expect((await core.call('documents:list', {})).map((d) => d.id)).toEqual([doc.id]);
  });

  test('backs up and restores from the 备份与恢复 screen', async ({ app, core }) => {
    await app.start();
    await app.page.getByRole('button', { name: '备份与恢复' }).click();
    const screen = app.page.getByRole('main', { name: '备份与恢复' });
    await expect(screen).toContainText('还没有备份。');
    await screen.getByRole('button', { name: '立即备份' }).click();
    await expect(screen.getByRole('status')).toContainText('已备份');
    const rows = screen.locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('手动');

    core.ctx.db.prepare('DELETE FROM documents').run();
    await rows.first().getByRole('button', { name: /^恢复/ }).click();
    const dialog = app.page.getByRole('dialog', { name: '恢复备份' });
    await expect(dialog).toContainText('1 篇文档');
    await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
    await app.page.screenshot({ path: screenshotPath('care-restore-confirm') });
    await dialog.getByRole('button', { name: '恢复' }).click();
    await expect(screen.getByRole('status')).toContainText('已恢复：1 篇文档');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('恢复前');
    expect(await core.call('documents:list', {})).toHaveLength(1);
    await app.page.screenshot({ path: screenshotPath('care-backups') });
    await app.page.locator('html').evaluate((html) => {
      html.setAttribute('data-theme', 'dark');
      html.setAttribute('data-text-size', 'large');
    });
    await screen.getByRole('button', { name: '立即备份' }).focus();
    await app.page.screenshot({ path: screenshotPath('care-backups-dark-large') });
  });

  test('compacts the library from the 备份与恢复 screen, every document kept', async ({ app, core }) => {
    const before = await core.call('documents:list', {});
    await app.start();
    await app.page.getByRole('button', { name: '备份与恢复' }).click();
    const screen = app.page.getByRole('main', { name: '备份与恢复' });
    await screen.getByRole('button', { name: '压缩资料库' }).click();
    await expect(screen.getByRole('status')).toContainText(/已压缩：.+ → .+/);
    await app.page.screenshot({ path: screenshotPath('care-compacted') });
    expect(await core.call('documents:list', {})).toEqual(before);
    expect(core.ctx.db.pragma('page_size', { simple: true })).toBe(8192);
    expect(core.ctx.db.pragma('auto_vacuum', { simple: true })).toBe(2);
    // Writes go through again once it is done.
    await screen.getByRole('button', { name: '保存设置' }).click();
    await expect(screen.getByRole('status')).toContainText('设置已保存');
  });
});
