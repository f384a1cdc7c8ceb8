import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type pg from 'pg';
import { createInvitation, createPool, ensureLibrary, startHub, type RunningHub } from '../../electron/hub';
import { createAnnotation } from '../../electron/main/annotations/service';
import { addItem, createBriefing, editItem, getBriefing } from '../../electron/main/briefings/service';
import { createCore, type Core } from '../../electron/main/core/app-core';
import { importFiles } from '../../electron/main/ingest/import-service';
import { updateDocumentMeta } from '../../electron/main/store/document-meta';
import { fileSecretStore } from '../../electron/main/team/secret-store';
import { TeamService } from '../../electron/main/team/team-service';
import { tempHubKeyFile } from '../helpers/hub-key';
import { pgAvailable, startPgCluster, type PgCluster } from '../helpers/temp-postgres';
import { expect, screenshotPath, test } from './fixtures';

/**
 * The 团队 screen against a real hub (throwaway PostgreSQL): join from the form, sync, members and
 * roles, a title both members changed listed side by side, the choice "keep mine", the
 * annotation filter "only mine / everyone" with each annotation's author, and a new edition
 * another member made arriving with a sync, and one confirmed choice over many listed conflicts.
 */
let cluster: PgCluster;
let hub: RunningHub;
let pool: pg.Pool;
// The hub's seal key in a temp folder: the default lives in the user's config folder.
const hubKey = tempHubKeyFile();

test.describe('团队 screen', () => {
  test.skip(!pgAvailable && !process.env['CI'], 'PostgreSQL binaries are not installed');

  test.beforeAll(async () => {
    cluster = await startPgCluster();
    const url = cluster.createDatabase('hub_e2e');
    hub = await startHub({ databaseUrl: url, keyFile: hubKey.file });
    pool = createPool(url, 2);
    await ensureLibrary(pool, '政策研究室');
  });

  test.afterAll(async () => {
    await pool?.end();
    await hub?.close();
    cluster?.stop();
    hubKey.remove();
  });

  test('joins, syncs, lists a clash with both versions and keeps the chosen one', async ({ app, core }) => {
    test.setTimeout(120_000);
    const [doc] = await core.handlers['documents:list']({});
    if (!doc) throw new Error('the library has no seed document');
    const code = (await createInvitation(pool, { library: '政策研究室', role: 'editor' })).code;

    await app.start();
    await app.page.getByRole('button', { name: '团队' }).click();
    const screen = app.page.getByRole('main', { name: '团队' });
    await screen.getByLabel('中心地址').fill(hub.url);
    await screen.getByLabel('邀请码').fill(code);
    await screen.getByLabel('你的姓名').fill('张三');
    await screen.getByRole('button', { name: '加入团队' }).click();
    await expect(screen).toContainText('已连接');
    await screen.getByRole('button', { name: '立即同步' }).click();
    await expect(screen.getByRole('status')).toContainText('同步完成');

    // A colleague joins from another desktop, takes the document and changes its title first.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-e2e-peer-'));
    const peer: Core = createCore({ databasePath: path.join(dir, 'peer.db') });
    const secrets = fileSecretStore(path.join(dir, 'token'));
    const team = new TeamService(peer.ctx, { secrets, inlineParse: true });
    try {
      const peerCode = (await createInvitation(pool, { library: '政策研究室', role: 'editor' })).code;
      await team.join({ hubUrl: hub.url, code: peerCode, memberName: '李四' });
      await team.sync();
      const passage = peer.ctx.db
        .prepare(`SELECT id FROM passages WHERE document_id = ? ORDER BY ordinal LIMIT 1 OFFSET 3`)
        .pluck()
        .get(doc.id) as string;
      createAnnotation(peer.ctx.db, { passageId: passage, start: 0, end: 4, note: '李四的批注' });
      updateDocumentMeta(peer.ctx.db, doc.id, { title: '乙的标题' });
      await team.sync();
      createAnnotation(core.ctx.db, { passageId: passage, start: 2, end: 6, note: '张三的批注' });
      updateDocumentMeta(core.ctx.db, doc.id, { title: '甲的标题' });

      await screen.getByRole('button', { name: '立即同步' }).click();
      await expect(screen.getByRole('status')).toContainText('1 个冲突待处理');
      await expect(screen.locator('.team-members')).toContainText('李四');
      await expect(screen.locator('.team-members')).toContainText('编辑');
      const conflict = screen.locator('.team-conflict');
      await expect(conflict).toHaveCount(1);
      // A metadata clash names its document by title (the hub's, shown until the user decides), id beside it.
      await expect(conflict.locator('.team-conflict-head')).toContainText('元数据 《乙的标题》');
      await expect(conflict.locator('.team-conflict-id')).toHaveAttribute('title', doc.id);
      await expect(conflict.getByRole('region', { name: '我的版本' })).toContainText('甲的标题');
      await expect(conflict.getByRole('region', { name: '中心的版本（李四）' })).toContainText('乙的标题');
      // The library shows the hub's title until the user decides.
      expect((await core.handlers['documents:list']({}))[0]?.title).toBe('乙的标题');

      await expect(screen.locator('.team-annotations li')).toHaveCount(2);
      await expect(screen.locator('.team-annotations')).toContainText('李四 ·');
      await app.page.screenshot({ path: screenshotPath('team-conflict'), fullPage: true });
      const axe = await new AxeBuilder({ page: app.page })
        .include('.team-screen')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
      await screen.getByRole('radio', { name: '只看我的' }).check();
      await expect(screen.locator('.team-annotations li')).toHaveCount(1);
      await expect(screen.locator('.team-annotations')).toContainText('张三的批注');

      await conflict.getByRole('button', { name: '保留我的' }).click();
      await expect(screen.getByRole('status')).toContainText('已保留我的版本');
      await expect(screen.locator('.team-conflict')).toHaveCount(0);
      await expect(screen).toContainText('没有待处理的冲突。');
      expect((await core.handlers['documents:list']({}))[0]?.title).toBe('甲的标题');
      await screen.getByRole('button', { name: '立即同步' }).click();
      await expect(screen.getByRole('status')).toContainText('同步完成');
      await team.sync();
      expect(peer.ctx.db.prepare(`SELECT title FROM documents WHERE id = ?`).pluck().get(doc.id)).toBe(
        '甲的标题',
      );
      await app.page.screenshot({ path: screenshotPath('team-resolved'), fullPage: true });

      // The colleague brings in a revised edition of the report; this desktop takes it at its next sync.
      const source = peer.ctx.db
        .prepare(`SELECT source_file FROM documents WHERE id = ?`)
        .pluck()
        .get(doc.id) as string;
      const text = fs.readFileSync(source, 'utf8');
      const at = text.indexOf('\n', Math.floor(text.length / 2));
      const revised = path.join(dir, 'revised.txt');
      fs.writeFileSync(revised, `${text.slice(0, at)}\n\n补充说明：修订版本新增的一段。\n${text.slice(at)}`);
      await importFiles(peer.ctx, [revised], { inline: true, replace: doc.id });
      await team.sync();
      await screen.getByRole('button', { name: '立即同步' }).click();
      await expect(screen.getByRole('status')).toContainText('同步完成');
      await expect(screen).toContainText('上次同步换上了 1 篇文档的新版本');
      const hashOf = (c: Core) =>
        c.ctx.db.prepare(`SELECT content_hash FROM documents WHERE id = ?`).pluck().get(doc.id);
      expect(hashOf(core)).toBe(hashOf(peer));

      // Both rewrite the same three briefing notes while apart: one choice, confirmed, settles them all.
      const briefingId = createBriefing(core.ctx.db, { title: '周报' }).id;
      for (const text of ['一', '二', '三'])
        addItem(core.ctx.db, { briefingId, addition: { kind: 'note', text } });
      await screen.getByRole('button', { name: '立即同步' }).click();
      await expect(screen.getByRole('status')).toContainText('同步完成');
      await team.sync();
      const items = getBriefing(peer.ctx.db, briefingId).items.map((i) => i.id);
      for (const [i, itemId] of items.entries()) {
        editItem(peer.ctx.db, { briefingId, itemId, text: `李四改${i}` });
        editItem(core.ctx.db, { briefingId, itemId, text: `张三改${i}` });
      }
      await team.sync();
      await screen.getByRole('button', { name: '立即同步' }).click();
      await expect(screen.getByRole('status')).toContainText('3 个冲突待处理');
      await expect(screen.locator('.team-conflict')).toHaveCount(3);
      // Each card names its briefing, not only the item's id.
      await expect(screen.locator('.team-conflict-head').first()).toContainText('简报条目 《周报》');
      await expect(
        screen.locator('.team-conflict').first().getByRole('region', { name: '我的版本' }),
      ).toContainText('评注');
      await screen.getByRole('button', { name: '全部保留我的（3 个）' }).click();
      const confirm = screen.getByRole('group', { name: '列出的 3 个冲突都保留我的版本？' });
      await expect(confirm).toBeVisible();
      await app.page.screenshot({ path: screenshotPath('team-bulk-confirm'), fullPage: true });
      await confirm.getByRole('button', { name: '确定' }).click();
      await expect(screen.getByRole('status')).toContainText('已对 3 个冲突保留我的版本。');
      await expect(screen.locator('.team-conflict')).toHaveCount(0);
      await screen.getByRole('button', { name: '立即同步' }).click();
      await expect(screen.getByRole('status')).toContainText('同步完成');
      await team.sync();
      expect(getBriefing(peer.ctx.db, briefingId).items.map((i) => i.text)).toEqual([
        '张三改0',
        '张三改1',
        '张三改2',
      ]);
    } finally {
      peer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
