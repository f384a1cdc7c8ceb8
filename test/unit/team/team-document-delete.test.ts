import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createInvitation, ensureLibrary } from '../../../electron/hub';
import { createAnnotation } from '../../../electron/main/annotations/service';
import { getLink } from '../../../electron/main/links/domain';
import { createLink } from '../../../electron/main/links/service';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { updateDocumentMeta } from '../../../electron/main/store/document-meta';
import { fileSecretStore } from '../../../electron/main/team/secret-store';
import { TeamService } from '../../../electron/main/team/team-service';
import { describePg } from '../../helpers/pg-cluster';
import { useTeamHub } from './team-hub-fixture';

/**
 * A member deletes a document others annotated, then imports it again (issue 14, faults): only
 * the document's tombstone travels; the annotations and corrections stay on the hub as orphans, set
 * aside on every desktop as a local delete sets them aside, and come back with the document.
 */
const HULI = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');

describePg('team sync: a document deleted and imported again', () => {
  const f = useTeamHub('team-doc-delete');
  beforeAll(() => ensureLibrary(f.pool, '删除'));

  async function desk(name: string): Promise<{ core: Core; team: TeamService }> {
    const secrets = fileSecretStore(path.join(f.tmp, `${name}.token`));
    const core = createCore({ databasePath: path.join(f.tmp, `${name}.db`), teamSecrets: secrets });
    const team = new TeamService(core.ctx, { secrets, inlineParse: true });
    const { code } = await createInvitation(f.pool, { library: '删除', role: 'editor' });
    await team.join({ hubUrl: f.hub.url, code, memberName: name });
    return { core, team };
  }
  const annotations = (d: { core: Core }) =>
    d.core.ctx.db.prepare(`SELECT id, note FROM annotations ORDER BY id`).all();
  const hubObjects = async () =>
    (
      await f.pool.query<{ kind: string; deleted: boolean }>(
        `SELECT o.kind, o.deleted FROM hub.objects o JOIN hub.libraries l ON l.id = o.library_id
          WHERE l.name = '删除' ORDER BY o.kind`,
      )
    ).rows;

  it('keeps the others’ annotations as orphans on the hub and brings them back with the document', async () => {
    const a = await desk('甲');
    const b = await desk('乙');
    try {
      const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
      await a.team.sync();
      await b.team.sync();
      createAnnotation(a.core.ctx.db, { passageId: `${docId}-p5`, start: 0, end: 4, note: '甲的' });
      createAnnotation(b.core.ctx.db, { passageId: `${docId}-p6`, start: 0, end: 4, note: '乙的' });
      updateDocumentMeta(b.core.ctx.db, docId, { region: '厦门' });
      for (const d of [a, b, a]) await d.team.sync();
      const together = annotations(a);
      expect(together).toHaveLength(2);
      expect(annotations(b)).toEqual(together);

      deleteWithUndo(a.core.ctx, docId, 'orphan');
      const deleted = await a.team.sync();
      expect(deleted.pushed).toMatchObject({ accepted: 1, rejected: 0, conflicts: 0 });
      await b.team.sync();
      expect(b.core.ctx.db.prepare(`SELECT count(*) FROM documents`).pluck().get()).toBe(0);
      expect(await hubObjects()).toEqual([
        { kind: 'annotation', deleted: false },
        { kind: 'annotation', deleted: false },
        { kind: 'document', deleted: true },
        { kind: 'meta_override', deleted: false },
      ]);
      for (const d of [a, b]) {
        expect(annotations(d)).toEqual([]);
        expect(d.core.ctx.db.prepare(`SELECT count FROM detached_annotations`).pluck().all()).toEqual([2]);
      }

      expect((await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id).toBe(docId);
      for (const d of [a, b, a, b]) {
        await d.team.sync();
        // the kept annotations come back in the background after the document's import
        for (let i = 0; i < 50 && annotations(d).length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      }
      for (const d of [a, b]) {
        expect(annotations(d)).toEqual(together);
        expect(await d.team.status(false)).toMatchObject({ pending: 0, conflicts: 0 });
        expect(d.core.ctx.db.prepare(`SELECT region FROM documents`).pluck().all()).toEqual(['厦门']);
      }
      expect((await hubObjects()).every((o) => !o.deleted)).toBe(true);
    } finally {
      a.core.close();
      b.core.close();
    }
  }, 90_000);

  it('carries a link whose document was deleted before the link ever synced, orphaned, to the others', async () => {
    const a = await desk('丙');
    const b = await desk('丁');
    try {
      const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
      for (const d of [a, b]) await d.team.sync();
      // made and orphaned between two syncs: its passages are gone before the hub ever saw them
      const link = createLink(a.core.ctx.db, { from: `${docId}-p5`, to: `${docId}-p9`, note: '丙的关联' });
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      expect(getLink(a.core.ctx.db, link.id)).toMatchObject({ from: null, to: null, status: 'orphaned' });
      for (const d of [a, b]) await d.team.sync();
      // the other desktop holds it as it stands here (orphaned), instead of waiting for passages
      // that will never come (before: its base copy left unapplied for good; a metadata correction
      // waits for its document by design)
      const unapplied = (d: { core: Core }) =>
        d.core.ctx.db
          .prepare(`SELECT kind FROM team_objects WHERE applied = 0 AND kind = 'link'`)
          .pluck()
          .all();
      expect(unapplied(b)).toEqual([]);
      expect(getLink(b.core.ctx.db, link.id)).toMatchObject({
        note: '丙的关联',
        status: 'orphaned',
        fromDocumentId: docId,
        toDocumentId: docId,
      });
      expect(await b.team.status(false)).toMatchObject({ pending: 0, conflicts: 0 });
      expect(await a.team.status(false)).toMatchObject({ pending: 0, conflicts: 0 });
    } finally {
      a.core.close();
      b.core.close();
    }
  }, 90_000);
});
