/**
 * axe-core over every screen and state, in each theme: 0 serious or critical WCAG 2.1 A/AA
 * violations (colour contrast included). One row per state in STATES: a screen added later is one
 * more row with the steps that bring it up.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../electron/main/core/app-core';
import { importFiles } from '../../electron/main/ingest/import-service';
import { expect, screenshotPath, test } from './fixtures';
import type { YanduApp } from './models/yandu-app';

const SEED = path.resolve('resources/documents/huli-2021.txt');
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');

interface A11yState {
  name: string;
  /** `null`: start with an empty library. */
  seedDir?: string | null;
  /** Library content the state needs, written before the app starts. */
  prepare?(core: Core): Promise<void>;
  /**
   * Brings the state up. `check` runs axe on the page as it is now; call it more than once for a
   * state with several views (each reader tab).
   */
  show(app: YanduApp, check: (label: string) => Promise<void>): Promise<void>;
}

/** A copy of the seed the file dialog picks: the import strip and the replace dialog use it. */
function offerFile(core: Core, name: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-a11y-'));
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    fs.readFileSync(SEED, 'utf8').replace('地区生产总值比增8.0%以上', '地区生产总值比增7.5%左右'),
  );
  core.ctx.platform = { chooseDocuments: async () => [file] };
}

const STATES: A11yState[] = [
  {
    name: 'library',
    async show(app, check) {
      await app.openLibrary();
      await check('library');
    },
  },
  {
    name: 'empty library',
    seedDir: null,
    async show(app, check) {
      await check('empty library');
    },
  },
  {
    name: 'reader, each context tab',
    async show(app, check) {
      const tabs = app.reader.panel.getByRole('tab');
      await expect(tabs).not.toHaveCount(0);
      for (const name of await tabs.allInnerTexts()) {
        await app.reader.openTab(name);
        await expect(app.reader.tab(name)).toHaveAttribute('aria-selected', 'true');
        await check(`reader · ${name}`);
      }
    },
  },
  {
    name: 'reader, footnote popover and annotation toolbar',
    async show(app, check) {
      await app.reader.marker(app.reader.passage('2020年,面对突如其来'), 1).focus();
      await expect(app.reader.popover).toBeVisible();
      await check('footnote popover');
      await app.page.keyboard.press('Escape');
      await app.reader.passage('第一时间启动突发公共卫生事件一级响应').focus();
      await app.page.keyboard.press('p');
      await expect(app.page.getByRole('toolbar', { name: '批注工具' })).toBeVisible();
      await check('annotation toolbar');
    },
  },
  {
    name: 'search overlay with results',
    async show(app, check) {
      await app.page.keyboard.press('Control+k');
      const dialog = app.page.getByRole('dialog', { name: '全文搜索' });
      await dialog.getByRole('combobox').fill('疫情防控');
      await expect(dialog.getByRole('option').first()).toBeVisible();
      await check('search overlay');
    },
  },
  {
    name: 'help dialog',
    async show(app, check) {
      await app.reader.title().click();
      await app.page.keyboard.press('?');
      await expect(app.page.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
      await check('help dialog');
    },
  },
  {
    name: 'settings dialog',
    async show(app, check) {
      await app.page.getByRole('button', { name: '设置' }).click();
      await expect(app.page.getByRole('dialog', { name: '设置' })).toBeVisible();
      await check('settings dialog');
    },
  },
  {
    name: 'import replace confirm',
    async show(app, check) {
      offerFile(app.core, '湖里区报告-修订版.txt');
      const library = await app.openLibrary();
      await library.root.getByRole('button', { name: '导入修订版…' }).first().click();
      await expect(app.page.getByRole('dialog', { name: '导入修订版' })).toBeVisible();
      await check('import replace confirm');
    },
  },
  {
    name: 'import strip',
    async show(app, check) {
      offerFile(app.core, '湖里区报告-副本.txt');
      const library = await app.openLibrary();
      await library.root.getByRole('button', { name: '导入文件…' }).click();
      const strip = app.page.getByRole('region', { name: '导入结果' });
      await expect(strip).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
      await strip.getByRole('button', { name: '查看每个文件' }).click();
      await check('import strip');
    },
  },
];

/** Screens of the cross-reference, briefing, printing and library-care work. */
const MORE_STATES: A11yState[] = [
  {
    name: 'term view',
    async show(app, check) {
      await app.reader.openTab('名词解释');
      await app.reader.glossaryTerm('六稳').click();
      await app.reader.glossaryEntry('六稳').getByRole('button', { name: /^追踪/ }).click();
      await expect(app.page.getByRole('main', { name: '追踪：六稳' })).toBeVisible();
      await check('term view');
    },
  },
  {
    name: 'target ledger with a chart',
    async prepare(core) {
      const files = ['national-2024.txt', 'national-2025.txt'].map((f) => path.join(CORPUS, f));
      if (fs.existsSync(CORPUS)) await importFiles(core.ctx, files, { inline: true });
    },
    async show(app, check) {
      await app.topBar().getByRole('button', { name: '目标台账' }).click();
      const ledger = app.page.locator('.ledger');
      await expect(ledger.getByRole('heading', { name: '目标台账', level: 1 })).toBeVisible();
      await ledger.locator('.ledger-indicator').first().click();
      await check('ledger');
      await ledger.getByRole('button', { name: '改判…' }).first().click();
      await expect(app.page.getByRole('dialog', { name: '人工判定' })).toBeVisible();
      await check('ledger override dialog');
    },
  },
  {
    name: 'comparison of two reports',
    async prepare(core) {
      const files = ['national-2024.txt', 'national-2025.txt'].map((f) => path.join(CORPUS, f));
      if (fs.existsSync(CORPUS)) await importFiles(core.ctx, files, { inline: true });
    },
    async show(app, check) {
      await app.topBar().getByRole('button', { name: '对照阅读' }).click();
      await expect(app.page.locator('.compare-phrase').first()).toBeVisible({ timeout: 20_000 });
      await check('comparison');
    },
  },
  {
    name: 'briefing editor and its list',
    async prepare(core) {
      const briefing = await core.call('briefings:create', { title: '学习材料' });
      const passage = core.ctx.db
        .prepare(`SELECT id FROM passages ORDER BY ordinal LIMIT 1 OFFSET 4`)
        .pluck()
        .get();
      await core.call('briefings:add', {
        briefingId: briefing.id,
        addition: { kind: 'heading', text: '一、疫情防控' },
      });
      await core.call('briefings:add', {
        briefingId: briefing.id,
        addition: { kind: 'excerpt', passageId: passage as string },
      });
      await core.call('briefings:add', {
        briefingId: briefing.id,
        addition: { kind: 'note', text: '外防输入放在首位。' },
      });
    },
    async show(app, check) {
      const library = await app.openLibrary();
      await check('library with briefings');
      await library.root.locator('.briefing-row-open').first().click();
      await expect(app.page.locator('.briefing-editor').getByRole('textbox', { name: '标题' })).toBeVisible();
      await check('briefing editor');
    },
  },
  {
    name: 'print dialog with its preview',
    async show(app, check) {
      await app.reader.title().waitFor();
      await app.pressShortcut('Control+P');
      await expect(app.page.getByRole('img', { name: /第 1 页/ }).first()).toBeVisible({ timeout: 20_000 });
      await check('print dialog');
    },
  },
  {
    name: 'backups, document metadata and delete dialogs',
    async show(app, check) {
      await app.topBar().getByRole('button', { name: '备份与恢复' }).click();
      await expect(app.page.getByRole('main', { name: '备份与恢复' })).toBeVisible();
      await check('backups');
      const library = await app.openLibrary();
      await library.root.getByRole('button', { name: '编辑信息' }).first().click();
      await expect(app.page.getByRole('dialog', { name: '编辑文档信息' })).toBeVisible();
      await check('edit metadata dialog');
      await app.page.keyboard.press('Escape');
      await library.root.getByRole('button', { name: '删除' }).first().click();
      await expect(app.page.getByRole('dialog', { name: '删除文档' })).toBeVisible();
      await check('delete dialog');
    },
  },
];

const THEMES = [
  { id: 'light', settings: { theme: 'light', textSize: 'standard' } },
  { id: 'dark', settings: { theme: 'dark', textSize: 'standard' } },
  { id: 'large-print', settings: { theme: 'light', textSize: 'large' } },
] as const;

async function seriousViolations(page: Page) {
  // Let transitions finish: axe reads computed colours, and a fading element has mixed ones.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`),
    }));
}

// axe over the whole reader takes a while on a shared 2-core machine.
test.describe.configure({ mode: 'parallel', timeout: 180_000 });

for (const state of [...STATES, ...MORE_STATES]) {
  test.describe(`accessibility: ${state.name}`, () => {
    if (state.seedDir !== undefined) test.use({ seedDir: state.seedDir });
    for (const theme of THEMES) {
      test(`${theme.id}: no serious or critical axe violations`, async ({ app, page }) => {
        await page.addInitScript((settings) => {
          const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } })
            .localStorage;
          storage.setItem('yandu.settings', JSON.stringify(settings));
        }, theme.settings);
        await state.prepare?.(app.core);
        await app.start();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme.settings.theme);
        const found: { view: string; violations: Awaited<ReturnType<typeof seriousViolations>> }[] = [];
        await state.show(app, async (view) => {
          const violations = await seriousViolations(page);
          if (violations.length) {
            found.push({ view, violations });
            await page.screenshot({
              path: screenshotPath(`a11y-${view}-${theme.id}`.replace(/[^\w\u4e00-\u9fff-]+/g, '-')),
            });
          }
        });
        if (found.length) {
          fs.mkdirSync(path.join('test-results', 'a11y'), { recursive: true });
          fs.writeFileSync(
            path.join('test-results', 'a11y', `${state.name}-${theme.id}.json`.replace(/[^\w.-]+/g, '-')),
            JSON.stringify(found, null, 2),
          );
        }
        expect(found, JSON.stringify(found, null, 2)).toEqual([]);
      });
    }
  });
}
