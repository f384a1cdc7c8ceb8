/**
 * The whole first-use path without a mouse: import a file, open it, search, annotate a paragraph
 * with a note and a tag, and open that annotation again. Every step is a key press; `tabTo` walks
 * the focus order with Tab as a keyboard user would, and fails if the control is not reachable.
 */
import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshotPath, test } from './fixtures';

const SEED = path.resolve('resources/documents/huli-2021.txt');
const TITLE = '2021年湖里区人民政府工作报告';
/** The reader's outline and footnote markers come before the panel: a long but real walk. */
const MAX_TABS = 250;

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after MAX_TABS presses. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `not reachable with ${MAX_TABS} Tab presses`).toBeFocused();
}

/** The focused element draws a visible ring (outline or box-shadow), not just a colour change. */
async function expectVisibleFocus(target: Locator): Promise<void> {
  const ring = await target.evaluate((el) => {
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    return {
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1,
      shadow: style.boxShadow !== 'none',
    };
  });
  expect(ring.outline || ring.shadow, 'focused control shows no focus ring').toBe(true);
}

test.use({ seedDir: null });

test('keyboard only: import, open, search, annotate with a note and a tag, reopen the annotation', async ({
  app,
  core,
  page,
}) => {
  test.setTimeout(120_000); // a few hundred real key presses
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-keys-'));
  const file = path.join(dir, '湖里区报告.txt');
  fs.copyFileSync(SEED, file);
  core.ctx.platform = { chooseDocuments: async () => [file] };
  await app.start();

  // Import: Tab to the button the empty library offers, Enter; the file dialog answers with the file.
  const importButton = page.getByRole('button', { name: '导入文件…' }).first();
  await tabTo(page, importButton);
  await expectVisibleFocus(importButton);
  await page.keyboard.press('Enter');
  const strip = page.getByRole('region', { name: '导入结果' });
  await expect(strip).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });

  // Open it from the library list.
  const row = page.locator('.doc-row', { hasText: TITLE });
  await tabTo(page, row);
  await expectVisibleFocus(row);
  await page.keyboard.press('Enter');
  await expect(app.reader.title()).toHaveText(TITLE);

  // Search: Ctrl+K, type, the first hit is selected, Enter opens it in the text.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: '全文搜索' });
  await expect(search.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('固定资产投资');
  await expect(search.locator('[role="option"][aria-selected="true"]')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(search).toBeHidden();
  await expect(app.reader.focusedPassage()).toContainText('固定资产投资');
  const passageId = await app.reader.focusedPassage().getAttribute('data-passage-id');
  const passage = app.reader.text.locator(`.passage[data-passage-id="${passageId}"]`);

  // Annotate: P selects the paragraph, N makes a note (Ctrl+Enter saves), T adds a tag.
  await page.keyboard.press('p');
  await page.keyboard.press('n');
  const note = page.getByRole('textbox', { name: '批注内容' });
  await expect(note).toBeFocused();
  await page.keyboard.type('投资目标，与上年比较');
  await page.keyboard.press('Control+Enter');
  await expect(note).toBeHidden();
  await page.keyboard.press('t');
  const tags = page.getByRole('combobox', { name: '标签' });
  await expect(tags).toBeFocused();
  await page.keyboard.type('投资');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await core.call('annotations:list', {})).length).toBe(1);
  const [saved] = await core.call('annotations:list', {});
  expect(saved).toMatchObject({ passageId, note: '投资目标，与上年比较', tags: ['投资'] });

  // Reopen it: Tab into the panel's tab list, arrow to 批注 (tabs rove, as ARIA tabs do), then Tab
  // to the annotation and Enter.
  await page.keyboard.press('Escape');
  await tabTo(page, app.reader.panel.locator('[role="tab"][aria-selected="true"]'));
  const tab = app.reader.tab('批注');
  for (let i = 0; i < 10 && !(await tab.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
    await page.keyboard.press('ArrowRight');
  await expect(tab).toBeFocused();
  await expectVisibleFocus(tab);
  await page.keyboard.press('Enter');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const item = app.reader.panel.locator('.ann-jump', { hasText: '投资目标' });
  await tabTo(page, item);
  await expectVisibleFocus(item);
  await page.keyboard.press('Enter');
  await expect(app.reader.panel.locator('.ann-item[aria-current="true"]')).toContainText('投资目标');
  await expect(passage.locator('.deco-annotation').first()).toBeInViewport();
  await page.screenshot({ path: screenshotPath('keyboard-walkthrough') });
});
