import path from 'node:path';
import { importFiles } from '../../electron/main/ingest/import-service';
import { CORPUS_DIR } from '../../bench/tiers';
import { expect, screenshotPath, test } from './fixtures';

/**
 * The 关联 tab and the term view on the bundled 湖里区 report plus two national reports of the
 * corpus (the corpus must be beside the repository: without it the import fails the test).
 */
test.describe('cross-references', () => {
  test.beforeEach(async ({ core }) => {
    const files = ['national-2021.txt', 'national-2022.txt'].map((f) => path.join(CORPUS_DIR, f));
    const summary = await importFiles(core.ctx, files, { inline: true });
    expect(summary.failed).toEqual([]);
  });

  test('the 关联 tab shows related passages of other reports, and links are added, edited, undone', async ({
    app,
  }) => {
    await app.start();
    const { page, reader } = app;
    // Go to the 2022 national targets paragraph as a user would: search, Enter.
    await page.keyboard.press('Control+k');
    const search = page.getByRole('dialog', { name: '全文搜索' });
    await search.getByRole('combobox', { name: '全文搜索' }).fill('"今年发展主要预期目标是" year:2022');
    await expect(search.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(reader.title()).toContainText('2022');
    await reader.openTab('关联');
    const panel = reader.panel.locator('.xr-panel');
    await expect(panel).toBeVisible();
    const related = panel.getByRole('region', { name: '其他文档中的相关段落' });
    await expect(related.locator('.xr-related-item').first()).toContainText('2021年政府工作报告');
    await expect(related.locator('.xr-shared').first()).toContainText('共同关键词');
    await page.screenshot({ path: screenshotPath('xref-tab') });

    // Link this paragraph to the first related one, then edit the note, then undo both.
    const targets = await panel.getAttribute('data-passage-id');
    await related
      .getByRole('button', { name: /^把本段关联到/ })
      .first()
      .click();
    const links = panel.getByRole('region', { name: '我的关联' });
    await expect(links.locator('.xr-link')).toHaveCount(1);
    await links.getByRole('button', { name: '编辑说明' }).click();
    await links.getByRole('textbox', { name: '编辑说明' }).fill('两年目标对照');
    await links.getByRole('button', { name: '保存' }).click();
    await expect(links.locator('.xr-note')).toHaveText('两年目标对照');
    await page.screenshot({ path: screenshotPath('xref-tab-link') });

    // Follow the link: the other end shows it as a backlink.
    await links.getByRole('button', { name: '打开' }).click();
    await expect(reader.title()).toContainText('2021');
    const back = reader.panel.locator('.xr-panel').getByRole('region', { name: '反向关联' });
    await expect(back.locator('.xr-link')).toHaveCount(1);
    await expect(back.locator('.xr-note')).toHaveText('两年目标对照');
    await reader.panel.getByRole('button', { name: '撤销上一次关联操作' }).click();
    await expect(back.locator('.xr-note')).toHaveCount(0);
    await reader.panel.getByRole('button', { name: '撤销上一次关联操作' }).click();
    await expect(back.locator('.xr-link')).toHaveCount(0);
    expect(targets).toBeTruthy();
  });

  test('the term view traces a glossary term by year, with its definition, all by keyboard', async ({
    app,
  }) => {
    await app.start();
    const { page, reader } = app;
    await reader.openTab('名词解释');
    await reader.glossaryTerm('六稳').click();
    const trace = reader.glossaryEntry('六稳').getByRole('button', { name: /^追踪/ });
    await trace.focus();
    await page.keyboard.press('Enter');
    const screen = page.getByRole('main', { name: '追踪：六稳' });
    await expect(screen).toBeVisible();
    await expect(screen.locator('.xr-first-year')).toHaveText('首次出现：2021年');
    await expect(screen.getByRole('img')).toHaveAttribute('aria-label', /2021年：\d+ 处/u);
    await expect(screen.locator('.xr-chart-table td').first()).toHaveText(/\d+/u);
    await expect(screen.locator('.xr-definition')).toContainText('稳就业、稳金融');
    const rows = screen.locator('.xr-occ-list li[data-passage-id]');
    expect(await rows.count()).toBeGreaterThan(3);
    await expect(rows.first()).toHaveAttribute('data-range', /^\d+,\d+$/u);
    await page.screenshot({ path: screenshotPath('term-view'), fullPage: true });

    // Keyboard: Tab to the first occurrence and open it; the reader shows the passage.
    const first = rows.first().getByRole('button').first();
    await first.focus();
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(reader.text).toBeVisible();
    await expect(reader.text.locator('.passage', { hasText: '六稳' }).first()).toBeVisible();
  });

  test('「追踪」 on a selection opens the term view for the selected phrase; Esc goes back', async ({
    app,
  }) => {
    await app.start();
    const { page, reader } = app;
    const passage = reader.passage('2021年经济社会发展主要预期目标为');
    await passage.scrollIntoViewIfNeeded();
    await passage.locator('.passage-text').evaluate((root) => {
      const doc = root.ownerDocument;
      const runs = [...root.querySelectorAll('[data-o]')];
      const full = runs.map((r) => r.textContent ?? '').join('');
      const start = full.indexOf('地区生产总值');
      const range = doc.createRange();
      let seen = 0;
      for (const run of runs) {
        const node = run.firstChild!;
        const length = node.textContent?.length ?? 0;
        if (start >= seen && start < seen + length) range.setStart(node, start - seen);
        if (start + 6 > seen && start + 6 <= seen + length) range.setEnd(node, start + 6 - seen);
        seen += length;
      }
      doc.getSelection()!.removeAllRanges();
      doc.getSelection()!.addRange(range);
    });
    await page.locator('.ann-toolbar').getByRole('button', { name: /^追踪/ }).click();
    await expect(page.getByRole('main', { name: '追踪：地区生产总值' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(reader.text).toBeVisible();

    // Dark theme and large print: the 关联 tab and the term view keep their contrast.
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog', { name: '设置' });
    await dialog.getByText('深色').click();
    await dialog.getByText('大字').click();
    await page.keyboard.press('Escape');
    await reader.openTab('关联');
    await expect(reader.panel.locator('.xr-panel')).toBeVisible();
    await page.screenshot({ path: screenshotPath('xref-tab-dark-large') });
    await reader.openTab('名词解释');
    await reader.glossaryTerm('六稳').click();
    await reader.glossaryEntry('六稳').getByRole('button', { name: /^追踪/ }).click();
    await expect(page.locator('.xr-chart svg')).toBeVisible();
    await page.screenshot({ path: screenshotPath('term-view-dark-large') });
  });
});
