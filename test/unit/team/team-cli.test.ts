import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createInvitation, ensureLibrary } from '../../../electron/hub';
import { runCli } from '../../helpers/cli';
import { describePg } from '../../helpers/pg-cluster';
import { useTeamHub } from './team-hub-fixture';

/**
 * `yandu team` end to end on two libraries and the real hub: join, first push of a document (its
 * file as a blob) and an annotation, the other desktop pulling and parsing it, a metadata clash
 * listed with both versions and settled with --keep local, status, leave. `--json` is contract.
 */
const HULI = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');

describePg('yandu team join|status|sync|conflicts|leave', () => {
  const f = useTeamHub('team-cli');
  beforeAll(() => ensureLibrary(f.pool, '政策研究室'));

  const invite = async () => (await createInvitation(f.pool, { library: '政策研究室', role: 'editor' })).code;

  it('shares a document and an annotation, lists a clash with both versions, and keeps the chosen one', async () => {
    const a = path.join(f.tmp, 'a.db');
    const b = path.join(f.tmp, 'b.db');
    const cli = (db: string, ...args: string[]) => runCli([...args, '--db', db]);

    const joined = await cli(a, 'team', 'join', f.hub.url, await invite(), '--name', '张三', '--json');
    expect(joined.code).toBe(0);
    expect(joined.json()).toMatchObject({
      joined: true,
      member: { name: '张三', role: 'editor' },
      library: { name: '政策研究室' },
    });
    expect(fs.statSync(`${a}.team-token`).mode & 0o777).toBe(0o600);

    const imported = await cli(a, 'import', HULI, '--json');
    expect(imported.code).toBe(0);
    const docId = imported.json<{ imported: { id: string }[] }>().imported[0]!.id;
    const passage = `${docId}-p5`;
    expect(
      (
        await cli(
          a,
          'annotate',
          passage,
          '--start',
          '0',
          '--end',
          '4',
          '--note',
          '关注',
          '--tag',
          '防疫',
          '--json',
        )
      ).code,
    ).toBe(0);
    const first = await cli(a, 'team', 'sync', '--json');
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ accepted: 2, rejected: 0, pending: 0 });

    expect((await cli(b, 'team', 'join', f.hub.url, await invite(), '--name', '李四', '--json')).code).toBe(
      0,
    );
    const pulled = await cli(b, 'team', 'sync', '--json');
    expect(pulled.json()).toMatchObject({ documents: 1, pending: 0 });
    const list = (await cli(b, 'list', '--json')).json<{ id: string }[]>();
    expect(list.map((d) => d.id)).toEqual([docId]);
    const notes = (await cli(b, 'annotations', 'export', docId, '--format', 'w3c')).json<{
      items?: unknown[];
    }>();
    expect(JSON.stringify(notes)).toContain('张三');
    expect(JSON.stringify(notes)).toContain('关注');

    // Both correct the same title while apart: 张三's reaches the hub first.
    expect((await cli(a, 'meta', docId, '--title', '甲的标题')).code).toBe(0);
    expect((await cli(b, 'meta', docId, '--title', '乙的标题')).code).toBe(0);
    expect((await cli(a, 'team', 'sync', '--json')).json()).toMatchObject({ accepted: 1 });
    expect((await cli(b, 'team', 'sync', '--json')).code).toBe(0);
    const conflicts = (await cli(b, 'team', 'conflicts', '--json')).json<Record<string, unknown>[]>();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      kind: 'meta_override',
      objectId: docId,
      reason: 'edit',
      fields: ['fields.title'],
      local: { fields: { title: '乙的标题' } },
      remote: { fields: { title: '甲的标题' } },
      remoteAuthor: '张三',
      // the card's subject: the document by its title as the library shows it (the hub's meanwhile)
      documentId: docId,
      documentTitle: '甲的标题',
    });
    // Meanwhile the library holds the hub's version.
    expect((await cli(b, 'meta', docId, '--json')).json()).toMatchObject({ title: '甲的标题' });

    const resolved = await cli(
      b,
      'team',
      'conflicts',
      '--resolve',
      String(conflicts[0]!['id']),
      '--keep',
      'local',
      '--json',
    );
    expect(resolved.json()).toMatchObject({ resolution: 'local' });
    expect((await cli(b, 'meta', docId, '--json')).json()).toMatchObject({ title: '乙的标题' });
    expect((await cli(b, 'team', 'sync', '--json')).json()).toMatchObject({ accepted: 1, conflicts: 0 });
    await cli(a, 'team', 'sync', '--json');
    expect((await cli(a, 'meta', docId, '--json')).json()).toMatchObject({ title: '乙的标题' });

    const status = (await cli(a, 'team', 'status', '--json')).json<Record<string, unknown>>();
    expect(status).toMatchObject({
      joined: true,
      online: true,
      pending: 0,
      conflicts: 0,
      member: { name: '张三' },
    });
    expect((status['members'] as { name: string }[]).map((m) => m.name).sort()).toEqual(
      ['张三', '李四'].sort(),
    );

    expect((await cli(b, 'team', 'leave', '--json')).json()).toEqual({ left: true });
    expect(fs.existsSync(`${b}.team-token`)).toBe(false);
    expect((await cli(b, 'team', 'status', '--json')).json()).toMatchObject({ joined: false, hubUrl: null });
    expect((await cli(b, 'list', '--json')).json<unknown[]>()).toHaveLength(1);
    const notJoined = await cli(b, 'team', 'sync', '--json');
    expect(notJoined.code).toBe(2);
    expect(notJoined.stderr).toContain('尚未加入团队');
  }, 120_000);

  it('carries ledger verdicts and their removal to the other desktop', async () => {
    const { createCore } = await import('../../../electron/main/core/app-core');
    const { deleteLedgerOverride, loadLedgerOverrides, saveLedgerOverride } =
      await import('../../../electron/main/ledger/ledger-store');
    const [d, e] = ['d.db', 'e.db'].map((name) => path.join(f.tmp, name)) as [string, string];
    for (const [db, name] of [
      [d, '赵六'],
      [e, '钱七'],
    ] as const)
      expect(
        (await runCli(['team', 'join', f.hub.url, await invite(), '--name', name, '--db', db])).code,
      ).toBe(0);
    const first = createCore({ databasePath: d });
    saveLedgerOverride(first.ctx.db, {
      issuerKey: '湖里区',
      indicatorKey: '地区生产总值|%',
      year: 2021,
      verdict: 'met',
      note: '已完成',
    });
    first.close();
    expect((await runCli(['team', 'sync', '--json', '--db', d])).json()).toMatchObject({ accepted: 1 });
    expect((await runCli(['team', 'sync', '--json', '--db', e])).code).toBe(0);
    const second = createCore({ databasePath: e });
    expect(loadLedgerOverrides(second.ctx.db)).toMatchObject([
      { issuerKey: '湖里区', indicatorKey: '地区生产总值|%', year: 2021, verdict: 'met', note: '已完成' },
    ]);
    deleteLedgerOverride(second.ctx.db, '湖里区', '地区生产总值|%', 2021);
    second.close();
    expect((await runCli(['team', 'sync', '--json', '--db', e])).json()).toMatchObject({ accepted: 1 });
    expect((await runCli(['team', 'sync', '--json', '--db', d])).code).toBe(0);
    const again = createCore({ databasePath: d });
    expect(loadLedgerOverrides(again.ctx.db)).toEqual([]);
    again.close();
  }, 60_000);

  it('reports an unreachable hub as an error, not a crash, and keeps the changes for later', async () => {
    const c = path.join(f.tmp, 'c.db');
    expect(
      (await runCli(['team', 'join', f.hub.url, await invite(), '--name', '王五', '--db', c])).code,
    ).toBe(0);
    const core = await import('../../../electron/main/core/app-core');
    const lib = core.createCore({ databasePath: c });
    lib.ctx.db.prepare(`UPDATE team_state SET value = 'http://127.0.0.1:9/' WHERE key = 'hub_url'`).run();
    lib.close();
    expect((await runCli(['import', HULI, '--db', c])).code).toBe(0);
    const failed = await runCli(['team', 'sync', '--json', '--db', c]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('团队中心未完成请求');
    const status = (await runCli(['team', 'status', '--json', '--db', c])).json<Record<string, unknown>>();
    expect(status['online']).toBe(false);
    expect(status['pending']).toBe(1);
    expect(String(status['lastError'])).not.toBe('');
  }, 60_000);
});
