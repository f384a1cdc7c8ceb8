import { expect, screenshotPath, test } from './fixtures';

const TITLE = '2021年湖里区人民政府工作报告';

test.describe('reading the bundled report', () => {
  test('opens on first start with its outline, lead phrases and footnote markers', async ({ app }) => {
    await app.start();
    const { reader } = app;

    await expect(reader.title()).toHaveText(TITLE);
    await expect(reader.outlineParts()).toHaveCount(3);
    await expect(reader.outlineSections()).toHaveCount(21);
    await expect(reader.outlineParts().first()).toContainText('2020年和“十三五”工作回顾');

    // The outline jumps to a section; its first paragraph opens with a lead phrase set in bold.
    await reader.outlineSections().filter({ hasText: '疫情防控工作取得显著成效' }).click();
    const passage = reader.passage('第一时间启动突发公共卫生事件一级响应');
    await expect(passage).toBeFocused();
    await expect(passage).toBeInViewport();
    await expect(reader.outlineCurrent()).toHaveText('硬核举措“防扩散”');
    await expect(reader.status).toHaveText('《2021年湖里区人民政府工作报告》一（一）第1段');
    await expect(reader.leadOf(passage)).toHaveText('硬核举措“防扩散”。');
    await expect(reader.leadOf(passage)).toHaveCSS('font-weight', '700');
    await expect(passage).toHaveCSS('font-family', /^"Noto Serif CJK SC"/);
    await app.page.screenshot({ path: screenshotPath('reader') });
  });

  test('a screen chosen while the app starts stays chosen when the library answers', async ({ app }) => {
    const { page } = app;
    const release = await app.startHeld();
    await app.topBar().getByRole('button', { name: '目标台账' }).click();
    const ledger = page.locator('.ledger');
    await expect(ledger.getByRole('heading', { name: '目标台账', level: 1 })).toBeVisible();
    const answered = page.waitForResponse(
      (r) =>
        r.url().endsWith('/__bridge/invoke') &&
        (r.request().postDataJSON() as { channel?: string }).channel === 'documents:default',
    );
    release();
    await answered;
    // Let the answer's navigation (if any) render before looking.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    await expect(ledger).toBeVisible();
    await expect(page.locator('.reader')).toHaveCount(0);
  });

  test('a footnote marker shows its 名词解释 and leads to the glossary and back to the text', async ({
    app,
  }) => {
    await app.start();
    const { reader } = app;
    const opening = reader.passage('2020年,面对突如其来');
    const marker = reader.marker(opening, 1);
    await expect(marker).toHaveText('1');

    await marker.focus();
    await expect(reader.popover).toBeVisible();
    await expect(reader.popover).toContainText('六稳');
    await expect(reader.popover).toContainText('稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。');
    await app.page.screenshot({ path: screenshotPath('popover') });

    await app.page.keyboard.press('Escape');
    await expect(reader.popover).toBeHidden();
    await expect(marker).toBeFocused();

    await marker.hover();
    await expect(reader.popover).toBeVisible();
    await reader.popover.getByRole('button', { name: '在名词解释中查看' }).click();
    await expect(reader.tab('名词解释')).toHaveAttribute('aria-selected', 'true');
    await expect(reader.glossaryTerm('六稳')).toHaveAttribute('aria-expanded', 'true');
    await expect(reader.glossaryTerm('六稳')).toBeFocused();
    await expect(reader.glossaryEntry('六稳')).toContainText('稳就业、稳金融');

    // Another term: its passages are listed and each jumps to the text.
    await reader.glossaryTerm('RCEP').click();
    const occurrences = reader.glossaryOccurrences('RCEP');
    await expect(occurrences).not.toHaveCount(0);
    await expect(occurrences.first()).toContainText('RCEP');
    const place = (await occurrences.first().locator('.jump-citation').textContent()) ?? '';
    expect(place).toMatch(/^三（.）第\d+段$/);

    await occurrences.first().click();
    await expect(reader.focusedPassage()).toContainText('RCEP');
    await expect(reader.focusedPassage().locator('mark.deco-focus')).toHaveText('RCEP');
    await app.page.screenshot({ path: screenshotPath('glossary') });
    await expect(reader.status).toHaveText(`《${TITLE}》${place}`);
  });

  test('the measures panel lists the seven 2021 targets, each jumping to its passage', async ({ app }) => {
    await app.start();
    const { reader } = app;
    await reader.openTab('指标与举措');
    const rows = reader.indicatorGroup('2021年预期目标').locator('.ms-indicator');
    // The headline targets of 主要预期目标 come first, in the report's order; targets set later in the
    // work plan (水质达标率100%) follow them.
    const headline = [
      '地区生产总值',
      '规模以上工业增加值',
      '批发零售贸易业销售总额',
      '财政总收入',
      '区级财政收入',
      '全社会固定资产投资',
      '城镇登记失业率',
    ];
    for (const [i, name] of headline.entries()) await expect(rows.nth(i)).toContainText(name);
    expect(await rows.count()).toBeGreaterThanOrEqual(headline.length);
    await expect(rows.first()).toContainText('8.0');
    await expect(rows.first()).toContainText('以上');
    await expect(rows.nth(6)).toContainText('4.0');
    await expect(rows.nth(6)).toContainText('以内');
    await app.page.screenshot({ path: screenshotPath('measures') });

    await rows.nth(6).click();
    await expect(reader.focusedPassage()).toContainText('城镇登记失业率控制在4.0%以内');
  });

  test('keyboard: J/K move by paragraph, ] by section, ? lists the shortcuts', async ({ app }) => {
    await app.start();
    const { reader, page } = app;
    await reader.title().click();
    await page.keyboard.press('j');
    await expect(reader.focusedPassage()).toHaveText('各位代表:');
    await page.keyboard.press('j');
    await expect(reader.focusedPassage()).toContainText('现在,我代表湖里区人民政府');
    await page.keyboard.press(']');
    await expect(reader.focusedPassage()).toContainText('2020年,面对突如其来');
    await expect(reader.outlineCurrent()).toContainText('2020年和“十三五”工作回顾');
    await page.keyboard.press(']');
    await expect(reader.focusedPassage()).toContainText('硬核举措“防扩散”');
    await page.keyboard.press('k');
    await expect(reader.focusedPassage()).toContainText('涌现一批全省抗击新冠肺炎疫情先进集体');
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toContainText('下一段');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toBeHidden();
  });

  test('the library lists the report under its year with issuer, level and counts', async ({ app }) => {
    await app.start();
    const library = await app.openLibrary();
    const row = library.yearGroup(2021).locator('.doc-row', { hasText: TITLE });
    await expect(row).toContainText('厦门市湖里区人民政府');
    await expect(row).toContainText('区');
    await expect(row).toContainText('2021-01-11');
    await expect(row).toContainText('71 段');
    await expect(row).toContainText('名词 34');
    await app.page.screenshot({ path: screenshotPath('library') });
    await row.click();
    await expect(app.reader.title()).toHaveText(TITLE);
  });
});

test.describe('reader settings and copying', () => {
  test('dark theme, large print and pane layout persist across a restart', async ({ app }) => {
    await app.start();
    const { page, reader } = app;
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog', { name: '设置' });
    await dialog.getByText('深色').click();
    await dialog.getByText('大字').click();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    const passage = reader.passage('第一时间启动突发公共卫生事件一级响应');
    await expect(passage).toHaveCSS('font-size', '21px');

    await page.getByRole('button', { name: '显示或隐藏目录' }).click();
    await expect(reader.outline).toBeHidden();

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(passage).toHaveCSS('font-size', '21px');
    await expect(reader.outline).toBeHidden();
    await page.getByRole('button', { name: '显示或隐藏目录' }).click();
    await expect(reader.outlineParts()).toHaveCount(3);
    await reader.marker(reader.passage('2020年,面对突如其来'), 1).hover();
    await expect(reader.popover).toBeVisible();
    await page.screenshot({ path: screenshotPath('reader-dark-large') });
  });

  test('copying a selection copies the text without marker numbers, plus its citation', async ({
    app,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.start();
    const { page, reader } = app;
    const passage = reader.passage('2020年,面对突如其来');
    await reader.selectText(passage);
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    const text = await app.core.call('documents:get', {
      id: (await app.core.call('documents:default', {}))!.id,
    });
    const stored = text.passages.find((p) => p.text.startsWith('2020年,面对突如其来'))!;
    expect(copied).toBe(`${stored.text}\n（《2021年湖里区人民政府工作报告》一第1段）`);
    await expect(page.getByRole('status').filter({ hasText: '已复制' })).toBeVisible();
  });
});
