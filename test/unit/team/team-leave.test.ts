import { expect, it } from 'vitest';
import { createAnnotation, updateAnnotation } from '../../../electron/main/annotations/service';
import type { Core } from '../../../electron/main/core/app-core';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { describePg } from '../../helpers/pg-cluster';
import { HULI, joinDesk, useTeamHub } from './team-hub-fixture';

/**
 * Leaving the team while a document is deleted: its team annotations, kept while it is away in
 * team_removed_annotations, must stay in the library as a solo library keeps a deleted document's
 * annotations (a detached set), so that importing the document again brings them back.
 */
describePg('team sync: leaving the team while a document is away', () => {
  const f = useTeamHub('team-leave');
  const desk = (name: string) => joinDesk(f, name, '退出');
  const rows = (d: { core: Core }) =>
    d.core.ctx.db.prepare(`SELECT id, note, author, status FROM annotations ORDER BY note`).all() as {
      id: string;
      note: string;
      author: string;
      status: string;
    }[];
  const count = (d: { core: Core }, table: string) =>
    d.core.ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  it('keeps the team’s annotations of a deleted document as a detached set that a re-import takes back', async () => {
    const a = await desk('甲');
    const b = await desk('乙');
    try {
      const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
      for (const d of [a, b]) await d.team.sync();
      const mine = createAnnotation(a.core.ctx.db, {
        passageId: `${docId}-p5`,
        start: 0,
        end: 4,
        note: '甲的',
      });
      createAnnotation(b.core.ctx.db, { passageId: `${docId}-p6`, start: 2, end: 6, note: '乙的' });
      for (const d of [a, b, a]) await d.team.sync();
      expect(rows(a)).toHaveLength(2);
      // offline: an edit the hub never saw, then the document deleted
      updateAnnotation(a.core.ctx.db, { id: mine.id, note: '甲改过' });
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      expect(count(a, 'team_removed_annotations')).toBe(2);
      expect(count(a, 'detached_annotations')).toBe(0);

      a.team.leave();
      expect(count(a, 'team_removed_annotations')).toBe(0);
      // before: nothing kept here, the annotations lived on the hub only
      expect(
        a.core.ctx.db.prepare(`SELECT document_id AS documentId, count FROM detached_annotations`).all(),
      ).toEqual([{ documentId: docId, count: 2 }]);

      expect((await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id).toBe(docId);
      for (let i = 0; i < 100 && count(a, 'detached_annotations') > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(rows(a).map(({ note, author, status }) => ({ note, author, status }))).toEqual([
        { note: '乙的', author: '乙', status: 'anchored' },
        { note: '甲改过', author: '甲', status: 'anchored' },
      ]);
      expect(count(a, 'detached_annotations')).toBe(0);
      expect(await a.team.status(false)).toMatchObject({ joined: false, pending: 0 });
    } finally {
      a.core.close();
      b.core.close();
    }
  }, 90_000);
});
