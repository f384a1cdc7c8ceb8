import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnnotation } from '../../electron/main/annotations/service';
import { addItem } from '../../electron/main/briefings/service';
import { importFiles } from '../../electron/main/ingest/import-service';
import { revisedSeed } from '../unit/annotations/revised-seed';
import { expect, screenshotPath, test } from './fixtures';
import { selectWithin } from './models/reader-page';

const SEED_TITLE = '2021年湖里区人民政府工作报告';
const outlineItems = (page: Page) => page.locator('.briefing-outline > .briefing-item');
const kinds = (page: Page) =>
  outlineItems(page).evaluateAll((els) => els.map((el) => el.className.match(/briefing-item-(\w+)/)![1]));

test.describe('briefings', () => {
  test('add a reader selection to a new briefing, then edit the outline by keyboard', async ({ app }) => {
    await app.start();
    const { page, reader, core } = app;
    const passage = reader.passage('2021年经济社会发展主要预期目标为');
    await selectWithin(passage, '地区生产总值比增8.0%以上');
    await page.locator('.ann-toolbar').getByRole('button', { name: '加入简报' }).click();

    const picker = page.getByRole('dialog', { name: '加入简报' });
    // No briefing yet: the picker opens on the new briefing's title.
    await expect(picker.getByRole('textbox', { name: '新建简报' })).toBeFocused();
    await picker.getByRole('textbox', { name: '新建简报' }).fill('一季度学习材料');
    await picker.getByRole('button', { name: '新建简报并加入' }).click();
    await expect(picker.getByRole('status')).toContainText('已加入《一季度学习材料》');

    // More items straight into the store: a heading, a commented excerpt, a note.
    const { db } = core.ctx;
    const briefingId = (db.prepare(`SELECT id FROM briefings`).get() as { id: string }).id;
    const source = db
      .prepare(`SELECT id, text FROM passages WHERE instr(text, '我区地处全市交通枢纽') > 0`)
      .get() as { id: string; text: string };
    const at = source.text.indexOf('我区地处全市交通枢纽');
    const ann = createAnnotation(db, {
      passageId: source.id,
      start: at,
      end: at + 10,
      note: '区位是防疫难点',
      color: 'red',
    });
    addItem(db, { briefingId, addition: { kind: 'heading', text: '一、疫情防控' } });
    addItem(db, { briefingId, addition: { kind: 'excerpt', annotationId: ann.id } });
    addItem(db, { briefingId, addition: { kind: 'note', text: '交通枢纽城市要把外防输入放在首位。' } });

    await picker.getByRole('button', { name: '打开' }).click();
    const editor = page.locator('.briefing-editor');
    await expect(editor.getByRole('textbox', { name: '标题' })).toHaveValue('一季度学习材料');
    await expect.poll(() => kinds(page)).toEqual(['excerpt', 'heading', 'excerpt', 'note']);
    await expect(outlineItems(page).first().locator('.briefing-cite')).toContainText(`《${SEED_TITLE}》`);
    await expect(outlineItems(page).nth(2).locator('.briefing-notes')).toHaveText('区位是防疫难点');

    // Keyboard: the heading goes to the top (Alt+↑), one level down (Alt+→), and back (Ctrl+Z).
    const heading = outlineItems(page).nth(1);
    await heading.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => kinds(page)).toEqual(['heading', 'excerpt', 'excerpt', 'note']);
    await expect(outlineItems(page).first()).toBeFocused();
    await page.keyboard.press('Alt+ArrowRight');
    await expect(outlineItems(page).first()).toHaveClass(/briefing-level-2/);
    await page.keyboard.press('Control+z');
    await expect(outlineItems(page).first()).toHaveClass(/briefing-level-1/);
    await expect(editor.locator('.briefing-saved')).toHaveText('已撤销：编辑');
    await page.keyboard.press('Control+Shift+z');
    await expect(outlineItems(page).first()).toHaveClass(/briefing-level-2/);
    await page.keyboard.press('Alt+ArrowLeft');

    // Drag the note above the second excerpt.
    await outlineItems(page).nth(3).dragTo(outlineItems(page).nth(2));
    await expect.poll(() => kinds(page)).toEqual(['heading', 'excerpt', 'note', 'excerpt']);

    // The audience line is saved when the field is left.
    await editor.getByRole('textbox', { name: '报送范围 / 会议' }).fill('供党组理论学习中心组学习参考');
    await editor.getByRole('textbox', { name: '报送范围 / 会议' }).press('Enter');
    await expect
      .poll(() => (db.prepare(`SELECT audience FROM briefings`).get() as { audience: string }).audience)
      .toBe('供党组理论学习中心组学习参考');
    // Export reaches main; without a native save dialog (this bridge has none) it says so.
    await editor.getByLabel('版式').selectOption('gongwen');
    await editor.getByRole('button', { name: '导出为 PDF' }).click();
    await expect(editor.locator('.briefing-export-status')).toContainText('此环境不能弹出保存或打印对话框');
    await page.screenshot({ path: screenshotPath('briefing-editor'), fullPage: true });
    await editor.getByRole('button', { name: '预览' }).click();
    await expect(editor.getByRole('img', { name: '第 1 页预览' })).toBeVisible({ timeout: 15_000 });
    await expect(editor.locator('.briefing-preview .print-count')).toContainText('共 1 页');
    await editor.getByRole('img', { name: '第 1 页预览' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('briefing-preview') });
    await editor.getByRole('button', { name: '预览' }).click();
    await page.evaluate("document.documentElement.dataset.theme = 'dark'");
    await page.screenshot({ path: screenshotPath('briefing-editor-dark'), fullPage: true });
    await page.evaluate("document.documentElement.dataset.theme = 'light'");

    // The library lists it with its item count; it opens from there.
    await app.openLibrary();
    const row = page.locator('.briefing-row', { hasText: '一季度学习材料' });
    await expect(row).toContainText('4 项');
    await page.screenshot({ path: screenshotPath('briefing-library') });
    await row.locator('.briefing-row-open').click();
    await expect(editor).toBeVisible();
  });

  test('replacing the source by a revised edition flags the changed excerpt in the open editor', async ({
    app,
  }) => {
    const { core, page } = app;
    const { db } = core.ctx;
    const briefing = await core.call('briefings:create', { title: '核对' });
    const QUOTE = '平板显示产业增长13.0%,浪潮、宸鸿等龙头企业增产102.5亿元';
    const row = db
      .prepare(`SELECT id, document_id AS doc, text FROM passages WHERE instr(text, ?) > 0`)
      .get(QUOTE) as {
      id: string;
      doc: string;
      text: string;
    };
    const start = row.text.indexOf(QUOTE);
    addItem(db, {
      briefingId: briefing.id,
      addition: { kind: 'excerpt', passageId: row.id, start, end: start + QUOTE.length },
    });
    await app.start();
    await page.locator('header.topbar').getByRole('button', { name: '简报' }).click();
    await page.locator('.briefing-row', { hasText: '核对' }).locator('.briefing-row-open').click();
    await expect(outlineItems(page).first().locator('.briefing-quote')).toHaveText(QUOTE);

    const revised = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-rev-')),
      'huli-2021-revised.txt',
    );
    fs.writeFileSync(revised, revisedSeed());
    await importFiles(core.ctx, [revised], { inline: true, replace: row.doc });

    const flag = outlineItems(page).first().getByRole('note');
    await expect(flag).toContainText('原文已修改');
    await expect(flag).toContainText('浪潮、宸鸿、天马等龙头企业');
    await expect(outlineItems(page).first().locator('.briefing-quote')).toHaveText(QUOTE);
    await page.screenshot({ path: screenshotPath('briefing-drifted') });
    await flag.getByRole('button', { name: '改用现在的原文' }).click();
    await expect(outlineItems(page).first().locator('.briefing-quote')).toContainText('天马');
    await expect(outlineItems(page).first().getByRole('note')).toHaveCount(0);
  });
});

test.describe('adding to a briefing from elsewhere', () => {
  test('a search hit and an annotation in the 批注 panel go into an existing briefing', async ({ app }) => {
    const { core, page, reader } = app;
    const { db } = core.ctx;
    const briefing = await core.call('briefings:create', { title: '防疫专题' });
    const row = db
      .prepare(`SELECT id, text FROM passages WHERE instr(text, '我区地处全市交通枢纽') > 0`)
      .get() as { id: string; text: string };
    const at = row.text.indexOf('我区地处全市交通枢纽');
    createAnnotation(db, { passageId: row.id, start: at, end: at + 10, note: '区位' });
    await app.start();

    await page.keyboard.press('Control+k');
    const search = page.getByRole('dialog', { name: '全文搜索' });
    await search.getByRole('combobox', { name: '全文搜索' }).fill('外防输入');
    await expect(search.getByRole('status')).toContainText(/共 \d+ 条/);
    // The first hit is selected; Alt+B adds it (an option holds no button of its own).
    await expect(search.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await search.getByRole('combobox', { name: '全文搜索' }).press('Alt+b');
    const picker = page.getByRole('dialog', { name: '加入简报' });
    // It opens on the first briefing listed, ready for Enter.
    await expect(picker.getByRole('button', { name: /防疫专题/ })).toBeFocused();
    await picker.getByRole('button', { name: /防疫专题/ }).click();
    await expect(picker.getByRole('status')).toContainText('已加入《防疫专题》');
    await picker.getByRole('button', { name: '关闭' }).first().click();
    // The search stays open for more; Esc leaves it.
    await expect(search).toBeVisible();
    await page.screenshot({ path: screenshotPath('briefing-from-search') });
    await page.keyboard.press('Escape');

    await reader.openTab('批注');
    await reader.panel
      .locator('.ann-item', { hasText: '我区地处全市交通枢纽' })
      .getByRole('button', { name: '加入简报' })
      .click();
    await picker.getByRole('button', { name: /防疫专题/ }).click();
    await expect(picker.getByRole('status')).toContainText('已加入《防疫专题》');

    const items = (await core.call('briefings:get', { id: briefing.id })).items;
    expect(items.map((i) => i.kind)).toEqual(['excerpt', 'excerpt']);
    expect(items[0]!.text).toContain('外防输入');
    expect(items[1]).toMatchObject({
      text: '我区地处全市交通枢纽',
      marks: [expect.objectContaining({ note: '区位' })],
    });
  });
});

test.describe('adding to a briefing from the cross-reference screens', () => {
  const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

  test('a ledger row, a term occurrence and a new phrase of a comparison go into one briefing', async ({
    app,
  }) => {
    if (process.env.CI)
      expect(fs.existsSync(CORPUS), `the corpus is missing: ${CORPUS} (CI=true)`).toBe(true);
    test.skip(!fs.existsSync(CORPUS), 'the corpus is not beside the repository');
    const { core, page } = app;
    const files = ['national-2024.txt', 'national-2025.txt'].map((f) => path.join(CORPUS, f));
    expect((await importFiles(core.ctx, files, { inline: true })).failed).toEqual([]);
    const briefing = await core.call('briefings:create', { title: '对标对表' });
    await app.start();
    const picker = page.getByRole('dialog', { name: '加入简报' });
    const addTo = async () => {
      await picker.getByRole('button', { name: /对标对表/ }).click();
      await expect(picker.getByRole('status')).toContainText('已加入《对标对表》');
      await picker.getByRole('button', { name: '关闭' }).first().click();
    };

    // A term's occurrence in the term view: its whole passage.
    await app.reader.openTab('名词解释');
    await app.reader.glossaryTerm('六稳').click();
    await app.reader.glossaryEntry('六稳').getByRole('button', { name: /^追踪/ }).click();
    const term = page.getByRole('main', { name: '追踪：六稳' });
    await term
      .locator('.xr-occ-list li[data-passage-id]')
      .first()
      .getByRole('button', { name: '加入简报' })
      .click();
    await addTo();

    // A ledger row: its target's passage and its outcome's passage.
    await app.topBar().getByRole('button', { name: '目标台账' }).click();
    const paired = page.locator('.ledger tr', { hasText: '城镇调查失业率' }).filter({ hasText: '5.1%' });
    await paired.first().getByRole('button', { name: '加入简报' }).click();
    await addTo();

    // A comparison's new phrase: its passage in the newer report.
    await app.topBar().getByRole('button', { name: '对照阅读' }).click();
    await page.locator('.compare-phrase').first().getByRole('button', { name: '加入简报' }).click();
    await addTo();

    const items = (await core.call('briefings:get', { id: briefing.id })).items;
    expect(items.map((i) => i.kind)).toEqual(['excerpt', 'excerpt', 'excerpt', 'excerpt']);
    expect(items[0]!.text).toContain('六稳');
    expect(items[1]!.text).toContain('城镇调查失业率');
    expect(items[2]!.text).toContain('城镇调查失业率');
    expect(items.every((i) => i.kind !== 'excerpt' || i.citation.startsWith('《'))).toBe(true);
  });
});

test.describe('the briefings list', () => {
  test('asks before deleting: 取消 focused, Esc keeps it, 删除 removes it', async ({ app, core }) => {
    await core.call('briefings:create', { title: '待删简报' });
    await core.call('briefings:create', { title: '留下的简报' });
    await app.start();
    await app.openLibrary();
    const { page } = app;
    const row = page.locator('.briefing-row', { hasText: '待删简报' });
    const ask = () => row.getByRole('button', { name: '删除《待删简报》' }).click();
    const confirm = row.getByRole('group', { name: /^删除简报《待删简报》？/ });

    await ask();
    await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
    await page.screenshot({ path: screenshotPath('briefing-delete-confirm') });
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(row).toHaveCount(1);

    await ask();
    await confirm.getByRole('button', { name: '删除' }).click();
    await expect(row).toHaveCount(0);
    expect((await core.call('briefings:list', {})).map((b) => b.title)).toEqual(['留下的简报']);
  });
});
