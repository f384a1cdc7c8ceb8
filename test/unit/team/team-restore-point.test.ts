import { expect, it } from 'vitest';
import { createAnnotation } from '../../../electron/main/annotations/service';
import { updateDocumentMeta } from '../../../electron/main/store/document-meta';
import { describePg } from '../../helpers/pg-cluster';
import { useReplaceDesks, type Desk } from './replace-desks';

/**
 * A restore of the hub's data directory whose restore point the hub can only bound (hub migration
 * 005): PostgreSQL also started once before the backup, within the bounds, and the lower start is
 * taken. A desktop then counts as lost a copy the hub kept (issue 14, faults). When the hub's copy
 * pulled again is that very copy (same version, same data), it is the base again: an edit made
 * here merges on it as on any base, and is not listed as a clash without a common copy.
 */
describePg('team sync: a restore point found too low', () => {
  const { f, withShared, passageOf } = useReplaceDesks('team-restore-point');
  const meta = (d: Desk, docId: string) =>
    d.core.ctx.db
      .prepare(`SELECT field, value FROM document_meta_overrides WHERE document_id = ? ORDER BY field`)
      .all(docId);

  it(
    'takes back as its base a copy the hub kept, and merges an edit made here on it',
    withShared(async ({ a, b, docId }) => {
      // PostgreSQL starts again (noted at the next write), then 甲 corrects the region
      f.cluster.restart();
      updateDocumentMeta(a.core.ctx.db, docId, { region: '厦门市湖里区' });
      await a.team.sync();
      const copy = f.cluster.backupFiles();
      // 乙 learns the correction after the backup; both go on in the history the restore loses
      await b.team.sync();
      createAnnotation(a.core.ctx.db, {
        passageId: passageOf(a, docId, 30),
        start: 0,
        end: 2,
        note: '甲后加',
      });
      await a.team.sync();
      await b.team.sync();
      f.cluster.restoreFiles(copy);

      // 乙 edits the correction 甲 made before the backup, then notices the restore
      updateDocumentMeta(b.core.ctx.db, docId, { region: '湖里区（乙改）' });
      await b.team.sync();
      await a.team.sync();
      await b.team.sync();
      // (before: the region listed as a clash, judged without the copy both were made from)
      const listed = await b.team.conflicts();
      expect(listed.map((c) => ({ kind: c.kind, fields: c.fields }))).toEqual([]);
      expect(meta(a, docId)).toEqual(meta(b, docId));
      expect(meta(b, docId)).toContainEqual(
        expect.objectContaining({ field: 'region', value: '"湖里区（乙改）"' }),
      );
    }),
    90_000,
  );
});
