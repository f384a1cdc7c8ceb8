import { expect, it } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { updateDocumentMeta } from '../../../electron/main/store/document-meta';
import { describePg } from '../../helpers/pg-cluster';
import { HULI, joinDesk, useTeamHub } from './team-hub-fixture';

/**
 * A metadata correction made on a desktop that had not heard yet that another member deleted the
 * document (issue 14, faults): the pulled delete takes the document away here, and with it the
 * correction's rows. The hub keeps a deleted document's corrections as orphans, so the correction
 * is kept as it stood, offered to the hub, and comes back with the document on every desktop, as
 * an annotation made meanwhile does.
 */
describePg('team sync: a correction made while another member deleted its document', () => {
  const f = useTeamHub('team-override-away');
  const regions = (d: { core: Core }) => d.core.ctx.db.prepare(`SELECT region FROM documents`).pluck().all();

  it.each([
    ['the first correction of it', undefined],
    ['a correction of one the hub holds', '思明区'],
  ])(
    'keeps %s and brings it back with the document',
    async (_, before) => {
      const library = `更正-${before ?? 'new'}`;
      const a = await joinDesk(f, `甲-${library}`, library);
      const b = await joinDesk(f, `乙-${library}`, library);
      try {
        const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
        if (before) updateDocumentMeta(a.core.ctx.db, docId, { region: before });
        for (const d of [a, b]) await d.team.sync();
        expect(regions(b)).toEqual(regions(a));
        // 乙 corrects the region, offline; 甲 deletes the report meanwhile
        updateDocumentMeta(b.core.ctx.db, docId, { region: '湖里区' });
        deleteWithUndo(a.core.ctx, docId, 'orphan');
        await a.team.sync();
        await b.team.sync();
        expect(regions(b)).toEqual([]);
        const hub = await f.pool.query<{ region: string }>(
          `SELECT o.data->'fields'->>'region' AS region FROM hub.objects o
           JOIN hub.libraries l ON l.id = o.library_id WHERE l.name = $1 AND o.kind = 'meta_override'`,
          [library],
        );
        expect(hub.rows).toEqual([{ region: '湖里区' }]);

        expect((await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id).toBe(docId);
        for (const d of [a, b, a, b]) await d.team.sync();
        for (const d of [a, b]) {
          expect(regions(d)).toEqual(['湖里区']);
          expect(await d.team.status(false)).toMatchObject({ pending: 0, conflicts: 0 });
        }
      } finally {
        a.core.close();
        b.core.close();
      }
    },
    90_000,
  );
});
