import fs from 'node:fs';
import path from 'node:path';
import { importFiles } from '../../electron/main/ingest/import-service';
import { expect, screenshotPath, test } from './fixtures';
import { ComparePage } from './models/compare-page';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

test.describe('对照阅读: two reports side by side', () => {
  test.beforeEach(async ({ core }) => {
    if (process.env.CI)
      expect(fs.existsSync(CORPUS), `the corpus is missing: ${CORPUS} (CI=true)`).toBe(true);
    test.skip(!fs.existsSync(CORPUS), 'the corpus is not beside the repository');
    await importFiles(
      core.ctx,
      ['national-2024.txt', 'national-2025.txt'].map((f) => path.join(CORPUS, f)),
      { inline: true },
    );
  });

  test('opens on the newest pair, aligns the parts, steps through changes by keyboard, shows phrases', async ({
    app,
  }) => {
    await app.start();
    await app.topBar().getByRole('button', { name: '对照阅读' }).click();
    const compare = new ComparePage(app.page);
    await expect(compare.pickerA.locator('option:checked')).toHaveText('2024 · 2024年政府工作报告');
    await expect(compare.pickerB.locator('option:checked')).toHaveText('2025 · 2025年政府工作报告');
    await expect(compare.summary).toContainText('对应章节');

    await expect(compare.headingRow('2023年工作回顾', '2024年工作回顾')).toHaveCount(1);
    // The 2024 task 着力扩大国内需求 moved to the head of the 2025 list: paired, and marked so.
    const moved = compare.headingRow('着力扩大国内需求', '全方位扩大国内需求');
    await expect(moved).toHaveCount(1);
    await expect(moved.locator('.compare-tag')).toHaveText('移动');
    await expect(compare.panes.locator('.deco-compare-changed').first()).toBeVisible();

    await app.page.keyboard.press('n');
    await expect(compare.stop).toHaveText(/^第 1\/\d+ 处改动$/);
    const first = await compare.focusedRow().getAttribute('data-row');
    await app.page.keyboard.press('n');
    await expect(compare.stop).toHaveText(/^第 2\/\d+ 处改动$/);
    await expect(compare.focusedRow()).toBeInViewport();
    await app.page.keyboard.press('p');
    await expect(compare.focusedRow()).toHaveAttribute('data-row', first!);
    await app.page.screenshot({ path: screenshotPath('compare') });

    await compare.phrase('新提法', '两重').click();
    const mark = compare.panes.locator('mark.deco-focus', { hasText: '两重' });
    await expect(mark).toBeInViewport();
    await expect(compare.focusedRow()).toContainText('两重');
    await compare.phrase('不再提及', '新三样').click();
    await expect(compare.panes.locator('mark.deco-focus', { hasText: '新三样' })).toBeInViewport();

    await app.page.locator('html').evaluate((html) => html.setAttribute('data-theme', 'dark'));
    await app.page.screenshot({ path: screenshotPath('compare-dark') });
    await app.page.locator('html').evaluate((html) => html.setAttribute('data-text-size', 'x-large'));
    await app.page.screenshot({ path: screenshotPath('compare-large-print') });

    await compare.openInReader('新提法', '两重').click();
    await expect(app.reader.focusedPassage()).toContainText('两重');
  });

  test('the 对照阅读 action of a document opens it beside its predecessor', async ({ app }) => {
    await app.start();
    const library = await app.openLibrary();
    const row = (title: string) =>
      library.root.locator('.doc-row-item', { has: app.page.locator('.doc-row', { hasText: title }) });
    const action = (title: string) => row(title).getByRole('button', { name: '对照阅读' });
    await row('2025年政府工作报告').hover();
    await expect(action('2025年政府工作报告')).toHaveCSS('opacity', '1');
    await row('2025年政府工作报告').screenshot({ path: screenshotPath('compare-action') });
    await action('2025年政府工作报告').click();
    const compare = new ComparePage(app.page);
    await expect(compare.pickerA.locator('option:checked')).toHaveText('2024 · 2024年政府工作报告');
    await expect(compare.pickerB.locator('option:checked')).toHaveText('2025 · 2025年政府工作报告');
    await expect(compare.summary).toContainText('对应章节');

    // The seed report has no predecessor: the screen opens with it as B and asks for A (keyboard only).
    await app.openLibrary();
    await action('2021年湖里区人民政府工作报告').focus();
    await app.page.keyboard.press('Enter');
    await expect(compare.pickerB.locator('option:checked')).toHaveText(/湖里区/);
    await expect(compare.root).toContainText('请手动选择两份文档');
    await compare.pickerA.selectOption({ label: '2024 · 2024年政府工作报告' });
    await expect(compare.summary).toContainText('对应章节');

    // In the reader the action stands under the title, beside the other document actions.
    await app.openLibrary();
    await library.open('2025年政府工作报告');
    await app.page.locator('.reader').getByRole('button', { name: '对照阅读' }).click();
    await expect(compare.pickerA.locator('option:checked')).toHaveText('2024 · 2024年政府工作报告');
  });
});
