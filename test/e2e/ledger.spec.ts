import fs from 'node:fs';
import path from 'node:path';
import { importFiles } from '../../electron/main/ingest/import-service';
import { expect, screenshotPath, test } from './fixtures';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const NATIONAL = [
  'national-2020.txt',
  'national-2021.txt',
  'national-2022.txt',
  'national-2024.txt',
  'national-2025.txt',
];

test.describe('target ledger 目标台账', () => {
  test.beforeEach(async ({ core }) => {
    if (process.env.CI)
      expect(fs.existsSync(CORPUS), `the corpus is missing: ${CORPUS} (CI=true)`).toBe(true);
    test.skip(!fs.existsSync(CORPUS), 'the corpus is not beside the repository');
    const summary = await importFiles(
      core.ctx,
      NATIONAL.map((f) => path.join(CORPUS, f)),
      { inline: true },
    );
    expect(summary.failed).toEqual([]);
  });

  test('pairs targets with outcomes, draws a series, takes an override and opens a citation, by keyboard', async ({
    app,
    page,
  }) => {
    await app.start();
    const ledgerButton = app.topBar().getByRole('button', { name: '目标台账' });
    await ledgerButton.focus();
    await page.keyboard.press('Enter');
    const ledger = page.locator('.ledger');
    await expect(ledger.getByRole('heading', { name: '目标台账', level: 1 })).toBeVisible();

    // Both issuers are listed; the filter keeps one.
    await expect(ledger.getByRole('region', { name: '国务院' })).toBeVisible();
    await expect(ledger.getByRole('region', { name: /湖里区/ })).toBeVisible();
    await page.getByTestId('ledger-issuer').selectOption({ label: '国务院' });
    await expect(ledger.getByRole('region', { name: /湖里区/ })).toHaveCount(0);

    const table2021 = ledger.locator('table', { has: page.locator('caption', { hasText: '2021 年目标' }) });
    const gdp = table2021.getByRole('row', { name: /^国内生产总值/ });
    await expect(gdp).toContainText('6%以上');
    await expect(gdp).toContainText('8.1%');
    await expect(gdp).toContainText('2022年政府工作报告');
    await expect(gdp.locator('.verdict-badge')).toHaveText('完成');
    const pending = ledger.locator('table', { has: page.locator('caption', { hasText: '2025 年目标' }) });
    await expect(pending.locator('.verdict-badge').first()).toHaveText('待下一年报告');

    // The series chart of the unemployment rate, reached from its row by keyboard.
    const unemployment = table2021.getByRole('row', { name: /^城镇调查失业率/ });
    await unemployment.getByRole('button', { name: '城镇调查失业率' }).focus();
    await page.keyboard.press('Enter');
    const chart = ledger.getByRole('img', { name: /城镇调查失业率各年度目标与实际/ });
    await expect(chart).toBeVisible();
    const data = ledger.locator('.ledger-chart-table');
    await expect(data.getByRole('row', { name: /2020/ })).toContainText('5.2%');
    await expect(data.getByRole('row', { name: /2024/ })).toContainText('5.1%');

    // Override the 2021 energy-intensity verdict with a note.
    const energy = table2021.getByRole('row', { name: /^单位国内生产总值能耗/ });
    await expect(energy.locator('.verdict-badge')).toHaveText('无法判定');
    await energy.getByRole('button', { name: '改判…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '人工判定' });
    await dialog.getByRole('radio', { name: '未完成' }).check();
    await dialog.getByRole('textbox').fill('2022年报告未写明，据统计公报为2.7%');
    await dialog.getByRole('button', { name: '保存' }).press('Enter');
    await expect(energy.locator('.verdict-badge')).toHaveText('未完成');
    await expect(energy).toContainText('据统计公报');

    await page.locator('.ledger-series').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('ledger-screen'), fullPage: false });

    // Dark theme: the same screen in the dark tokens.
    await page.locator('html').evaluate((el, theme) => el.setAttribute('data-theme', theme), 'dark');
    await page.screenshot({ path: screenshotPath('ledger-screen-dark') });
    await page.locator('html').evaluate((el, theme) => el.setAttribute('data-theme', theme), 'light');

    // The chart and tables print; the controls do not.
    await page.emulateMedia({ media: 'print' });
    await expect(ledger.locator('.ledger-tools')).toBeHidden();
    await expect(chart).toBeVisible();
    await expect(energy.getByRole('button', { name: '改判…' })).toBeHidden();
    await page.pdf({ path: 'test-results/screenshots/ledger.pdf', format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    // A citation opens the passage in the reader.
    await gdp.getByRole('button', { name: /2022年政府工作报告/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.reader')).toBeVisible();
    await expect(page.locator('.reader')).toContainText('国内生产总值达到114万亿元，增长8.1%');
  });

  test('编辑信息 in the library corrects a document’s metadata', async ({ app, page }) => {
    await app.start();
    const library = await app.openLibrary();
    const row = library.root.locator('.doc-row-item', { hasText: '2022年政府工作报告' });
    await row.hover();
    await row.screenshot({ path: screenshotPath('ledger-library-row-actions') });
    await row.getByRole('button', { name: '编辑信息' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑文档信息' });
    await expect(dialog.getByLabel('发布机关')).toHaveValue('国务院');
    await expect(dialog.getByLabel(/年度/)).toHaveValue('2022');
    await dialog.getByLabel('日期').fill('2022-03-05');
    await dialog.getByLabel('发布机关').fill('中华人民共和国国务院');
    await page.screenshot({ path: screenshotPath('ledger-edit-meta') });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('2022-03-05');
    await expect(row).toContainText('中华人民共和国国务院');
  });
});
