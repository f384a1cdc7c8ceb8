import path from 'node:path';
import { expect, it } from 'vitest';
import { createInvitation, ensureLibrary } from '../../../electron/hub';
import { addItem, createBriefing, editItem, getBriefing } from '../../../electron/main/briefings/service';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { updateDocumentMeta } from '../../../electron/main/store/document-meta';
import { defaultTokenFile, fileSecretStore } from '../../../electron/main/team/secret-store';
import { TeamService } from '../../../electron/main/team/team-service';
import { runCli } from '../../helpers/cli';
import { describePg } from '../../helpers/pg-cluster';
import { useTeamHub } from './team-hub-fixture';

/**
 * Settling many conflicts with one choice (`yandu team conflicts --resolve-all --keep local|remote
 * [--kind K]`, the 团队 screen's buttons over the listed ones): every open one of the kind is
 * settled as one by one, the others stay open, and the next sync carries the kept versions.
 */
const HULI = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');

describePg('yandu team conflicts --resolve-all', () => {
  const f = useTeamHub('team-resolve-all');

  async function desk(name: string): Promise<{ core: Core; team: TeamService; db: string }> {
    await ensureLibrary(f.pool, '批量');
    const db = path.join(f.tmp, `${name}.db`);
    const secrets = fileSecretStore(defaultTokenFile(db));
    const core = createCore({ databasePath: db, teamSecrets: secrets });
    const team = new TeamService(core.ctx, { secrets, inlineParse: true });
    const { code } = await createInvitation(f.pool, { library: '批量', role: 'editor' });
    await team.join({ hubUrl: f.hub.url, code, memberName: name });
    return { core, team, db };
  }
  const texts = (d: { core: Core }, briefingId: string) =>
    getBriefing(d.core.ctx.db, briefingId).items.map((i) => i.text);

  it('keeps one side of every open conflict of a kind, leaves the others open, and syncs the kept versions', async () => {
    const a = await desk('甲');
    const b = await desk('乙');
    try {
      const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
      const briefingId = createBriefing(a.core.ctx.db, { title: '周报' }).id;
      for (const text of ['一', '二', '三'])
        addItem(a.core.ctx.db, { briefingId, addition: { kind: 'note', text } });
      for (const d of [a, b]) await d.team.sync();
      const items = getBriefing(b.core.ctx.db, briefingId).items.map((i) => i.id);
      expect(items).toHaveLength(3);
      // a week apart: both rewrite every item, and both correct the document's region
      for (const [i, id] of items.entries()) {
        editItem(a.core.ctx.db, { briefingId, itemId: id, text: `甲${i}` });
        editItem(b.core.ctx.db, { briefingId, itemId: id, text: `乙${i}` });
      }
      updateDocumentMeta(a.core.ctx.db, docId, { region: '思明' });
      updateDocumentMeta(b.core.ctx.db, docId, { region: '湖里' });
      await a.team.sync();
      await b.team.sync();
      expect(b.team.conflicts().map((c) => c.kind)).toEqual([
        'briefing_item',
        'briefing_item',
        'briefing_item',
        'meta_override',
      ]);
      expect(texts(b, briefingId)).toEqual(['甲0', '甲1', '甲2']);
      b.core.close();

      const cli = (...args: string[]) => runCli([...args, '--db', b.db]);
      // Each listing names what it is about: the briefing of an item, the document of a correction.
      const listed = (await cli('team', 'conflicts', '--json')).json<Record<string, unknown>[]>();
      expect(listed.map((c) => [c['briefingTitle'], c['documentTitle']])).toEqual([
        ['周报', null],
        ['周报', null],
        ['周报', null],
        [null, expect.any(String)],
      ]);
      expect(listed[0]).toMatchObject({ briefingId, documentId: null });
      const bad = await cli('team', 'conflicts', '--resolve-all', '--keep', 'local', '--kind', 'note');
      expect(bad.code).not.toBe(0);
      const done = await cli(
        'team',
        'conflicts',
        '--resolve-all',
        '--keep',
        'local',
        '--kind',
        'briefing_item',
        '--json',
      );
      expect(done.stderr).toBe('');
      expect(done.code).toBe(0);
      const summary = done.json<{ resolvedIds: number[] }>();
      expect(summary).toEqual({
        keep: 'local',
        kind: 'briefing_item',
        resolved: 3,
        resolvedIds: expect.any(Array),
        failed: [],
        open: 1,
      });
      expect(summary.resolvedIds).toHaveLength(3);
      const left = (await cli('team', 'conflicts', '--json')).json<{ kind: string }[]>();
      expect(left.map((c) => c.kind)).toEqual(['meta_override']);
      expect((await cli('team', 'sync', '--json')).code).toBe(0);
      await a.team.sync();
      expect(texts(a, briefingId)).toEqual(['乙0', '乙1', '乙2']);

      const rest = (await cli('team', 'conflicts', '--resolve-all', '--keep', 'remote', '--json')).json();
      expect(rest).toMatchObject({ keep: 'remote', kind: null, resolved: 1, failed: [], open: 0 });
      expect((await cli('team', 'sync', '--json')).json()).toMatchObject({ pending: 0, conflicts: 0 });
    } finally {
      a.core.close();
      if (b.core.ctx.db.open) b.core.close();
    }
  }, 90_000);
});
