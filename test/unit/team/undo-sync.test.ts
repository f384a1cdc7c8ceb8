import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initHub, inviteMember } from '../../../electron/hub';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { listLinks } from '../../../electron/main/links/link-store';
import { fileSecretStore } from '../../../electron/main/team/secret-store';
import { TeamService } from '../../../electron/main/team/team-service';
import { describePg } from '../../helpers/pg-cluster';
import { useHub } from '../hub/hub-fixture';

/**
 * An undo is a write like any other: the outbox triggers record it and the next sync carries it
 * to the hub and to the other desktops (annotations, links and briefings alike, and redo too).
 */
const HULI = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');

interface Desk {
  core: Core;
  team: TeamService;
}

describePg('team sync of undo and redo', () => {
  const fx = useHub('hub_undo');
  const desks: Desk[] = [];
  let tmp: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yandu-undo-sync-'));
  });
  afterAll(() => {
    for (const d of desks) d.core.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function desk(name: string): Promise<Desk> {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    const secrets = fileSecretStore(path.join(dir, 'token'));
    const core = createCore({ databasePath: path.join(dir, 'library.db'), teamSecrets: secrets });
    const team = new TeamService(core.ctx, { secrets, inlineParse: true, timeoutMs: 10_000 });
    const { code } = await inviteMember(fx.databaseUrl, { library: '研究室', role: 'editor' });
    await team.join({ hubUrl: fx.hub.url, code, memberName: name });
    desks.push({ core, team });
    return { core, team };
  }

  /** What the other desk sees of the three objects. */
  async function seenBy(d: Desk, doc: string, linkId: string, briefingId: string) {
    const { core } = d;
    const annotations = await core.call('annotations:list', { documentId: doc });
    const links = listLinks(core.ctx.db, doc);
    const briefing = await core.call('briefings:get', { id: briefingId });
    return {
      notes: annotations.map((a) => a.note),
      links: links.filter((l) => l.id === linkId).map((l) => l.note),
      items: briefing.items.map((i) => i.text),
    };
  }

  it('pushes an undone annotation, link and briefing edit, and the redo after it', async () => {
    await initHub(fx.databaseUrl, { library: '研究室', owner: '主任' });
    const a = await desk('甲');
    const b = await desk('乙');
    const summary = await importFiles(a.core.ctx, [HULI], { inline: true });
    expect(summary.failed).toEqual([]);
    const doc = summary.imported[0]!.id;
    const [p1, p2] = [`${doc}-p5`, `${doc}-p6`];

    await a.core.call('annotations:create', { passageId: p1, start: 0, end: 4, note: '关注' });
    const link = await a.core.call('links:create', { from: p1, to: p2, note: '呼应' });
    const briefing = await a.core.call('briefings:create', { title: '学习材料' });
    await a.core.call('briefings:add', { briefingId: briefing.id, addition: { kind: 'note', text: '甲' } });
    expect(await a.team.sync()).toMatchObject({ conflicts: 0, pending: 0 });
    await b.team.sync();
    const all = { notes: ['关注'], links: ['呼应'], items: ['甲'] };
    expect(await seenBy(b, doc, link.id, briefing.id)).toEqual(all);

    const outbox = () =>
      a.core.ctx.db.prepare(`SELECT kind FROM team_outbox ORDER BY kind`).pluck().all() as string[];
    expect(outbox()).toEqual([]);
    expect(await a.core.call('annotations:undo', { documentId: doc })).toMatchObject({ action: 'create' });
    expect(await a.core.call('links:undo', {})).toMatchObject({ action: 'create' });
    expect(await a.core.call('briefings:undo', { briefingId: briefing.id })).toMatchObject({ action: 'add' });
    // Recorded by the triggers like any write: the annotation, the link, the briefing and its item.
    expect(outbox()).toEqual(['annotation', 'briefing', 'briefing_item', 'link']);
    expect(await a.team.sync()).toMatchObject({ conflicts: 0, pending: 0 });
    await b.team.sync();
    expect(await seenBy(b, doc, link.id, briefing.id)).toEqual({ notes: [], links: [], items: [] });

    expect(await a.core.call('annotations:redo', { documentId: doc })).toMatchObject({ action: 'create' });
    expect(await a.core.call('links:redo', {})).toMatchObject({ action: 'create' });
    expect(await a.core.call('briefings:redo', { briefingId: briefing.id })).toMatchObject({ action: 'add' });
    expect(await a.team.sync()).toMatchObject({ conflicts: 0, pending: 0 });
    await b.team.sync();
    expect(await seenBy(b, doc, link.id, briefing.id)).toEqual(all);
  }, 120_000);
});
