import path from 'node:path';
import { expect, it } from 'vitest';
import { createInvitation, ensureLibrary } from '../../../electron/hub';
import {
  addItem,
  createBriefing,
  getBriefing,
  moveItem,
  removeItem,
} from '../../../electron/main/briefings/service';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { fileSecretStore, type SecretStore } from '../../../electron/main/team/secret-store';
import { TeamService } from '../../../electron/main/team/team-service';
import { describePg } from '../../helpers/pg-cluster';
import { useTeamHub } from './team-hub-fixture';

/**
 * Clashes that are no clash of two people's writing merge without a listing (the fuzz run's open
 * conflicts, classified, were mostly these): a delete against a move, and two moves of one item.
 */
describePg('team sync: what is no clash of two people’s writing is not listed', () => {
  const f = useTeamHub('team-quiet');

  interface Desk {
    core: Core;
    team: TeamService;
    db: string;
    secrets: SecretStore;
  }
  async function desk(name: string, library: string): Promise<Desk> {
    await ensureLibrary(f.pool, library);
    const db = path.join(f.tmp, `${name}.db`);
    const secrets = fileSecretStore(path.join(f.tmp, `${name}.token`));
    const core = createCore({ databasePath: db, teamSecrets: secrets });
    const team = new TeamService(core.ctx, { secrets, inlineParse: true });
    const { code } = await createInvitation(f.pool, { library, role: 'editor' });
    await team.join({ hubUrl: f.hub.url, code, memberName: name });
    return { core, team, db, secrets };
  }
  /** A briefing of notes made on `a`, held by both. */
  async function shared(
    a: Desk,
    b: Desk,
    notes = ['一', '二', '三'],
  ): Promise<{ briefingId: string; items: string[] }> {
    const briefingId = createBriefing(a.core.ctx.db, { title: '要点' }).id;
    for (const text of notes) addItem(a.core.ctx.db, { briefingId, addition: { kind: 'note', text } });
    for (const d of [a, b]) await d.team.sync();
    return { briefingId, items: getBriefing(b.core.ctx.db, briefingId).items.map((i) => i.id) };
  }
  const texts = (d: Desk, briefingId: string) =>
    getBriefing(d.core.ctx.db, briefingId).items.map((i) => i.text);
  const open = (d: Desk) => d.team.conflicts().map((c) => `${c.kind} ${c.fields.join(',')}`);

  it('lets a delete stand over a move, and the hub’s place over another move, unlisted', async () => {
    const a = await desk('甲', '移动');
    const b = await desk('乙', '移动');
    try {
      const { briefingId, items } = await shared(a, b, ['一', '二', '三', '四']);
      const [one, , , four] = items as [string, string, string, string];
      moveItem(a.core.ctx.db, { briefingId, itemId: one, to: 3 });
      removeItem(b.core.ctx.db, { briefingId, itemId: one });
      moveItem(a.core.ctx.db, { briefingId, itemId: four, to: 0 });
      moveItem(b.core.ctx.db, { briefingId, itemId: four, to: 1 });
      expect(texts(a, briefingId)).toEqual(['四', '二', '三', '一']);
      expect(texts(b, briefingId)).toEqual(['二', '四', '三']);
      await b.team.sync();
      await a.team.sync();
      // before: 'briefing_item *' (the move against the delete) and 'briefing_item orderKey'
      expect(open(a)).toEqual([]);
      await b.team.sync();
      for (const d of [a, b]) expect(texts(d, briefingId)).toEqual(['二', '四', '三']);
      expect(open(b)).toEqual([]);
    } finally {
      a.core.close();
      b.core.close();
    }
  }, 90_000);
});
