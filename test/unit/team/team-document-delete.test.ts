import { expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation } from '../../../electron/main/annotations/service';
import { getLink } from '../../../electron/main/links/domain';
import { createLink, deleteLink } from '../../../electron/main/links/service';
import type { Core } from '../../../electron/main/core/app-core';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { updateDocumentMeta } from '../../../electron/main/store/document-meta';
import { describePg } from '../../helpers/pg-cluster';
import { edition } from './replace-desks';
import { HULI, joinDesk, useTeamHub } from './team-hub-fixture';

/**
 * A member deletes a document others annotated, then imports it again (issue 14, faults): only
 * the document's tombstone travels; the annotations and corrections stay on the hub as orphans, set
 * aside on every desktop as a local delete sets them aside, and come back with the document.
 */
describePg('team sync: a document deleted and imported again', () => {
  const f = useTeamHub('team-doc-delete');
  const desk = (name: string, library = '删除') => joinDesk(f, name, library);
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
        // kept by the team (the hub's copies, and each as it stood here), not as a local set that
        // a re-import would merge back over whatever happened to them meanwhile
        expect(d.core.ctx.db.prepare(`SELECT count(*) FROM detached_annotations`).pluck().get()).toBe(0);
        expect(d.core.ctx.db.prepare(`SELECT count(*) FROM team_removed_annotations`).pluck().get()).toBe(2);
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

  const hubDeleted = async (id: string, library: string) =>
    (
      await f.pool.query<{ deleted: boolean }>(
        `SELECT o.deleted FROM hub.objects o JOIN hub.libraries l ON l.id = o.library_id
          WHERE l.name = $2 AND o.id = $1`,
        [id, library],
      )
    ).rows.map((r) => r.deleted);

  it('sends the delete of an annotation its author removed before deleting the document', async () => {
    const a = await desk('戊', '删除二');
    try {
      const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
      await a.team.sync();
      const mine = createAnnotation(a.core.ctx.db, {
        passageId: `${docId}-p7`,
        start: 0,
        end: 4,
        note: '戊的',
      });
      await a.team.sync();
      deleteAnnotation(a.core.ctx.db, mine.id);
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      await a.team.sync();
      // before: taken for one removed with the document, kept alive on the hub for everyone
      expect(await hubDeleted(mine.id, '删除二')).toEqual([true]);
      await importFiles(a.core.ctx, [HULI], { inline: true });
      await a.team.sync();
      expect(annotations(a).filter((r) => (r as { id: string }).id === mine.id)).toEqual([]);
    } finally {
      a.core.close();
    }
  }, 90_000);

  it('does not bring back, with the document, a link deleted while the document was away', async () => {
    const a = await desk('己', '删除三');
    try {
      const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
      await a.team.sync();
      const link = createLink(a.core.ctx.db, { from: `${docId}-p3`, to: `${docId}-p8`, note: '己的关联' });
      await a.team.sync();
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      deleteLink(a.core.ctx.db, link.id);
      await importFiles(a.core.ctx, [HULI], { inline: true });
      for (let i = 0; i < 2; i++) {
        await a.team.sync();
        await new Promise((r) => setTimeout(r, 50)); // the old way brought kept sets back in the background
      }
      // before: the set the deletion kept here was merged back, the link with it, and pushed
      expect(getLink(a.core.ctx.db, link.id)).toBeNull();
      expect(await hubDeleted(link.id, '删除三')).toEqual([true]);
    } finally {
      a.core.close();
    }
  }, 90_000);

  it('keeps a document imported on a desktop that never synced it, over the hub’s older delete', async () => {
    const a = await desk('庚', '删除四');
    const b = await desk('辛', '删除四');
    try {
      const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
      await a.team.sync();
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      await a.team.sync();
      // 辛 imports the same file before its first sync: its import is the newer decision
      await importFiles(b.core.ctx, [HULI], { inline: true });
      await b.team.sync();
      // before: the first pull deleted it again
      expect(b.core.ctx.db.prepare(`SELECT id FROM documents`).pluck().all()).toEqual([docId]);
      expect(await hubDeleted(docId, '删除四')).toEqual([false]);
      await a.team.sync();
      expect(a.core.ctx.db.prepare(`SELECT id FROM documents`).pluck().all()).toEqual([docId]);
    } finally {
      a.core.close();
      b.core.close();
    }
  }, 90_000);

  it('lets a delete stand over another member’s delete and import of the same file, unlisted', async () => {
    const a = await desk('壬', '删除五');
    const b = await desk('癸', '删除五');
    const documents = (d: { core: Core }) => d.core.ctx.db.prepare(`SELECT id FROM documents`).pluck().all();
    try {
      const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
      for (const d of [a, b]) await d.team.sync();
      // 壬 deletes it offline; 癸 deletes it and imports the same file again, and syncs first
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      deleteWithUndo(b.core.ctx, docId, 'orphan');
      await b.team.sync();
      await importFiles(b.core.ctx, [HULI], { inline: true });
      await b.team.sync();
      expect(await hubDeleted(docId, '删除五')).toEqual([false]);
      // nothing of the document changed on the hub since 壬's copy: the delete is the last word
      // (before: listed as a clash with the very edition it was made from, and the document brought back)
      await a.team.sync();
      await b.team.sync();
      expect(await hubDeleted(docId, '删除五')).toEqual([true]);
      expect([documents(a), documents(b)]).toEqual([[], []]);
      for (const d of [a, b]) expect(await d.team.status(false)).toMatchObject({ pending: 0, conflicts: 0 });
    } finally {
      a.core.close();
      b.core.close();
    }
  }, 90_000);

  it('lets a new edition stand over another member’s delete and import of the same file, unlisted', async () => {
    const a = await desk('子', '删除六');
    const b = await desk('丑', '删除六');
    const hashes = (d: { core: Core }) =>
      d.core.ctx.db.prepare(`SELECT content_hash FROM documents`).pluck().all();
    try {
      const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
      for (const d of [a, b]) await d.team.sync();
      // 丑 deletes it and imports the same file again; 子, offline meanwhile, makes a new edition
      deleteWithUndo(b.core.ctx, docId, 'orphan');
      await b.team.sync();
      await importFiles(b.core.ctx, [HULI], { inline: true });
      await b.team.sync();
      const file = edition(f.tmp, '湖里区-子版.txt', '补充说明:子的修订。');
      expect((await importFiles(a.core.ctx, [file], { inline: true, replace: docId })).failed).toEqual([]);
      const newer = hashes(a);
      // (before: listed as a clash with the edition it was made from, and replaced by it again)
      for (const d of [a, b, a]) await d.team.sync();
      expect([hashes(a), hashes(b)]).toEqual([newer, newer]);
      for (const d of [a, b]) expect(await d.team.status(false)).toMatchObject({ pending: 0, conflicts: 0 });
    } finally {
      a.core.close();
      b.core.close();
    }
  }, 90_000);
});
