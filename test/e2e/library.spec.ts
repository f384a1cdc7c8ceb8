import { insertDocument } from '../../electron/main/store/document-writer';
import { sampleDocument } from '../helpers/sample-document';
import { expect, screenshotPath, test } from './fixtures';

const SEED_TITLE = '2021年湖里区人民政府工作报告';

test('the library sorts and filters by year, issuer and level, and shows annotation counts', async ({
  app,
  core,
}) => {
  const national = sampleDocument('2019年国务院政府工作报告（示例）');
  national.meta = { ...national.meta, issuer: '国务院', level: 'national', date: '2019-03-05' };
  insertDocument(core.ctx.db, national, { file: null, format: null });
  const city = sampleDocument('2021年示例市人民政府工作报告');
  city.meta = { ...city.meta, issuer: '示例市人民政府', level: 'city', date: '2021-02-01' };
  insertDocument(core.ctx.db, city, { file: null, format: null });
  const [seed] = (await core.call('documents:list', {})).filter((d) => d.title === SEED_TITLE);
  const { passages } = await core.call('documents:get', { id: seed!.id });
  await core.call('annotations:create', { passageId: passages[4]!.id, start: 0, end: 4, color: 'red' });

  await app.start();
  const library = await app.openLibrary();
  const rows = library.root.locator('.doc-row');
  await expect(rows).toHaveCount(3);
  await expect(library.document(SEED_TITLE).locator('[data-count="annotations"]')).toHaveText('批注 1');
  await expect(library.document('2021年示例市').locator('[data-count="annotations"]')).toHaveText('批注 0');
  // 「导入修订版…」 is there without hovering.
  const replace = library.root.getByRole('button', { name: '导入修订版…' }).first();
  await expect(replace).toBeVisible();
  await expect(replace).toHaveCSS('opacity', '1');

  const filters = library.root.getByRole('group', { name: '排序与筛选' });
  await filters.getByRole('combobox', { name: '年份' }).selectOption({ label: '2021年' });
  await expect(rows).toHaveCount(2);
  await filters.getByRole('combobox', { name: '层级' }).selectOption({ label: '市' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('示例市人民政府');
  await filters.getByRole('button', { name: '清除筛选' }).click();
  await expect(rows).toHaveCount(3);

  await filters.getByRole('combobox', { name: '发布机关' }).selectOption('国务院');
  await expect(rows).toHaveCount(1);
  await expect(library.yearGroup(2019)).toBeVisible();
  await filters.getByRole('button', { name: '清除筛选' }).click();

  await filters.getByRole('combobox', { name: '排序' }).selectOption({ label: '年份（旧→新）' });
  await expect(library.root.locator('.library-year-title').first()).toContainText('2019年');
  await filters.getByRole('combobox', { name: '排序' }).selectOption({ label: '批注最多' });
  await expect(library.yearGroup(2021).locator('.doc-row').first()).toContainText(SEED_TITLE);
  await app.page.screenshot({ path: screenshotPath('library-filters') });
});
