import type { Locator, Page } from '@playwright/test';
import { expect, screenshotPath, test } from './fixtures';
import { selectWithin } from './models/reader-page';

const toolbar = (page: Page) => page.locator('.ann-toolbar');
/** An annotation is drawn as one element per piece of text it covers: join them back. */
const markedText = (marks: Locator) =>
  marks.evaluateAll((els) => els.map((el) => el.textContent ?? '').join(''));
const marks = (passage: Locator) => passage.locator('.deco-annotation');

test.describe('annotating the bundled report', () => {
  test('highlight in a named colour, add a note and a tag, reload, filter the panel by tag', async ({
    app,
  }) => {
    await app.start();
    const { page, reader } = app;
    const targets = reader.passage('2021年经济社会发展主要预期目标为');

    await selectWithin(targets, '地区生产总值比增8.0%以上');
    await expect(toolbar(page)).toBeVisible();
    await page.screenshot({ path: screenshotPath('annotation-toolbar') });
    await toolbar(page).getByRole('button', { name: '红色高亮：量化目标' }).click();
    const red = targets.locator('.deco-annotation.ann-c-red');
    await expect.poll(() => markedText(red)).toBe('地区生产总值比增8.0%以上');

    // The new annotation stays active: add a note and a tag from the toolbar.
    await toolbar(page).getByRole('button', { name: '批注' }).click();
    await toolbar(page).getByRole('textbox', { name: '批注内容' }).fill('全年目标：**8.0%以上**');
    await toolbar(page).getByRole('button', { name: '保存' }).click();
    await toolbar(page).getByRole('button', { name: '标签' }).click();
    const tagInput = toolbar(page).getByRole('combobox', { name: '标签' });
    await tagInput.fill('量化指标');
    await tagInput.press('Enter');
    await expect(toolbar(page).locator('.ann-tag')).toHaveText(['#量化指标×']);
    await page.screenshot({ path: screenshotPath('annotation-editing') });
    await tagInput.press('Escape');

    // A second one from the keyboard: S selects the sentence, U underlines it, T tags it.
    await reader.passage('优先保障教育发展').click();
    await page.keyboard.press('s');
    await page.keyboard.press('u');
    const school = reader.passage('优先保障教育发展');
    await expect(marks(school)).toHaveText(['优先保障教育发展。']);
    await expect(marks(school)).toHaveClass(/ann-ul/);
    await page.keyboard.press('t');
    await toolbar(page).getByRole('combobox', { name: '标签' }).fill('教育');
    await toolbar(page).getByRole('combobox', { name: '标签' }).press('Enter');
    await page.keyboard.press('Escape');

    // Undo and redo the last action (the tag).
    await reader.title().click();
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('status').filter({ hasText: '已撤销：修改批注' })).toBeVisible();
    await page.keyboard.press('Control+Shift+z');
    await expect(page.getByRole('status').filter({ hasText: '已重做：修改批注' })).toBeVisible();

    await page.reload();
    await expect(reader.title()).toBeVisible();
    await expect.poll(() => markedText(red)).toBe('地区生产总值比增8.0%以上');
    await expect(red.first()).toHaveAttribute('title', /量化目标：全年目标/);
    await expect(targets.locator('.deco-annotation-note')).toHaveCount(1);
    await expect(marks(school)).toHaveClass(/ann-ul/);

    await reader.openTab('批注');
    const items = reader.panel.locator('.ann-item');
    await expect(items).toHaveCount(2);
    await expect(reader.panel.getByTestId('annotation-count')).toHaveText('共 2 条');
    const tags = reader.panel.getByRole('group', { name: '按标签筛选' });
    await tags.getByRole('button', { name: /量化指标/ }).click();
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('地区生产总值比增8.0%以上');
    await expect(items.first()).toContainText('全年目标');
    await expect(items.first()).toContainText('#量化指标');
    await expect(reader.panel.getByTestId('annotation-count')).toHaveText('1 / 2 条');
    await page.screenshot({ path: screenshotPath('annotations-panel') });

    // The list jumps to the text.
    await items.first().locator('.ann-jump').click();
    await expect(reader.focusedPassage()).toContainText('2021年经济社会发展主要预期目标为');
  });

  test('overlapping annotations stay distinguishable, and each opens from the text', async ({ app }) => {
    await app.start();
    const { page, reader } = app;
    const passage = reader.passage('2021年经济社会发展主要预期目标为');
    await selectWithin(passage, '地区生产总值比增8.0%以上,规模以上工业增加值比增6.0%');
    await toolbar(page)
      .getByRole('button', { name: /^黄色高亮/ })
      .click();
    await selectWithin(passage, '规模以上工业增加值比增6.0%,批发零售贸易业');
    await toolbar(page)
      .getByRole('button', { name: /^蓝色高亮/ })
      .click();
    await expect(passage.locator('.ann-c-blue.ann-layer-1')).not.toHaveCount(0);
    // Each keeps its own colour where they overlap, and hovering there names both.
    const overlap = passage.locator('.ann-c-yellow .ann-c-blue, .ann-c-blue .ann-c-yellow');
    await expect.poll(() => markedText(overlap)).toBe('规模以上工业增加值比增6.0%');
    await expect(overlap.first()).toHaveAttribute('title', /^(重点\n新提法|新提法\n重点)$/);
    await reader.title().click();
    await passage.screenshot({ path: screenshotPath('annotations-overlap') });
    await passage.locator('.ann-c-blue').last().click();
    await expect(toolbar(page).getByRole('button', { name: /^蓝色高亮/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await toolbar(page).getByRole('button', { name: '删除' }).click();
    await expect(passage.locator('.ann-c-blue')).toHaveCount(0);
    await expect(passage.locator('.ann-c-yellow')).not.toHaveCount(0);
  });
});
