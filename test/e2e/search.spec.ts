import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { importFiles } from '../../electron/main/ingest/import-service';
import { expect, screenshotPath, test } from './fixtures';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

/** The Ctrl+K overlay as a user sees it. */
class SearchOverlay {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly status: Locator;
  readonly hits: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: '全文搜索' });
    this.input = this.dialog.getByRole('combobox', { name: '全文搜索' });
    this.status = this.dialog.getByRole('status');
    this.hits = this.dialog.getByRole('option');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  async search(query: string): Promise<void> {
    await this.input.fill(query);
    // Earlier results stay on screen until the new ones arrive.
    await expect(this.status).toHaveAttribute('data-loading', 'false');
    await expect(this.status).toContainText(/共 \d+ 条|没有找到/);
  }

  chip(label: RegExp): Locator {
    return this.dialog.getByRole('group', { name: '筛选' }).getByRole('button', { name: label });
  }

  selected(): Locator {
    return this.dialog.locator('[role="option"][aria-selected="true"]');
  }
}

test.describe('searching the library', () => {
  test('Ctrl+K while the app starts opens the search, which stays open as the first document opens', async ({
    app,
  }) => {
    const { page } = app;
    const release = await app.startHeld();
    const search = new SearchOverlay(page);
    await search.open();
    release();
    await expect(page.locator('.reader')).toBeAttached();
    await expect(search.dialog).toBeVisible();
    await expect(search.input).toBeFocused();
  });

  test('Ctrl+K finds every passage with the words, highlighted, and Enter opens the hit in the reader', async ({
    app,
  }) => {
    await app.start();
    const search = new SearchOverlay(app.page);
    await search.open();
    await search.search('疫情防控');

    const total = Number(/共 (\d+) 条/.exec((await search.status.textContent()) ?? '')![1]);
    expect(total).toBeGreaterThan(3);
    await expect(search.hits.first().locator('mark').first()).toHaveText('疫情防控');
    await expect(search.dialog.locator('.search-doc').first()).toContainText('2021年湖里区人民政府工作报告');
    await expect(search.hits.first()).toContainText('《2021年湖里区人民政府工作报告》');
    await app.page.screenshot({ path: screenshotPath('search-results') });

    // The keyboard moves the selection; Enter opens that hit.
    await expect(search.selected()).toHaveAttribute('id', 'search-hit-0');
    await app.page.keyboard.press('ArrowDown');
    await expect(search.selected()).toHaveAttribute('id', 'search-hit-1');
    const citation = (await search.selected().locator('.search-citation').textContent()) ?? '';
    await app.page.keyboard.press('Enter');
    await expect(search.dialog).toBeHidden();

    const { reader } = app;
    await expect(reader.status).toHaveText(citation);
    const passage = reader.focusedPassage();
    await expect(passage).toBeInViewport();
    await expect(passage.locator('.deco-focus')).toHaveText('疫情防控');
    // Every hit of the query in the document is marked, like Ctrl-F.
    await expect(reader.text.locator('.deco-search-hit').first()).toBeVisible();
    expect(await reader.text.locator('.deco-search-hit').count()).toBeGreaterThanOrEqual(total - 2);
    // The landing flash fades first, so the screenshot shows the marks themselves.
    type Animated = { getAnimations(): { finished: Promise<unknown> }[] };
    await passage.evaluate((el) =>
      Promise.all((el as unknown as Animated).getAnimations().map((a) => a.finished)),
    );
    await app.page.screenshot({ path: screenshotPath('search-opened') });

    // Esc in the reader puts the marks away.
    await app.page.keyboard.press('Escape');
    await expect(reader.text.locator('.deco-search-hit')).toHaveCount(0);
  });

  test('finds sub-words and exclusions, filters by kind, and remembers what was opened', async ({ app }) => {
    await app.start();
    const search = new SearchOverlay(app.page);
    await search.open();

    await search.search('引资');
    await expect(search.hits.first().locator('mark').first()).toHaveText('引资');
    await expect(search.dialog).toContainText('招商引资');

    await search.search('高质量发展 -疫情');
    await expect(search.hits.first()).toBeVisible();
    for (const snippet of await search.dialog.locator('.search-snippet').allTextContents())
      expect(snippet).not.toContain('疫情');

    await search.search('RCEP');
    await search.chip(/^名词解释/).click();
    await expect(search.chip(/^名词解释/)).toHaveAttribute('aria-pressed', 'true');
    await expect(search.hits).toHaveCount(1);
    await expect(search.hits.first()).toContainText('名词解释：RCEP');
    await app.page.screenshot({ path: screenshotPath('search-filtered') });
    await search.input.focus();
    await app.page.keyboard.press('Enter');
    await expect(search.dialog).toBeHidden();
    await expect(app.reader.focusedPassage()).toContainText('RCEP');

    await search.open();
    await search.input.fill('');
    await expect(search.dialog.getByRole('region', { name: '最近搜索' })).toContainText('RCEP');
    await app.page.screenshot({ path: screenshotPath('search-history') });
  });

  test('a larger library: results grouped by document, chips by year and document, a windowed list', async ({
    app,
    core,
  }) => {
    if (process.env.CI)
      expect(fs.existsSync(CORPUS), `the corpus is missing: ${CORPUS} (CI=true)`).toBe(true);
    test.skip(!fs.existsSync(CORPUS), 'the corpus is not beside the repository');
    const files = [
      'national-2024.txt',
      'national-2025.txt',
      'hainan-2026.txt',
      'fujian-2026.txt',
      'guangdong-2026.txt',
    ];
    await importFiles(
      core.ctx,
      files.map((f) => path.join(CORPUS, f)),
      { inline: true },
    );
    await app.start();
    const search = new SearchOverlay(app.page);
    await search.open();
    await search.search('发展');
    const total = Number(/共 (\d+) 条/.exec((await search.status.textContent()) ?? '')![1]);
    expect(total).toBeGreaterThan(300);
    // Only the rows in view are in the page, however many hits there are.
    expect(await search.hits.count()).toBeLessThan(30);
    await expect(search.dialog.locator('.search-doc')).not.toHaveCount(0);
    await expect(search.chip(/^2026\s*\d+$/)).toBeVisible();
    await app.page.screenshot({ path: screenshotPath('search-library') });

    for (let i = 0; i < 8; i++) await app.page.keyboard.press('PageDown');
    await expect(search.selected()).toHaveAttribute('id', 'search-hit-48');
    await expect(search.selected()).toBeInViewport();

    await search.chip(/^2024\s*\d+$/).click();
    await expect(search.status).toHaveAttribute('data-loading', 'false');
    await expect(search.dialog.locator('.search-doc')).toHaveCount(1);
    await expect(search.dialog.locator('.search-doc').first()).toContainText('2024');
    await app.page.screenshot({ path: screenshotPath('search-library-2024') });
  });
});
