import { expect, it } from 'vitest';
import { createCursorSeal, loadServiceKey, type OpenedToken } from '../../../electron/hub/cursor-seal';
import { createAnnotation } from '../../../electron/main/annotations/service';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { updateDocumentMeta } from '../../../electron/main/store/document-meta';
import { currentEpoch } from '../../../electron/main/team/restores';
import { getCursor, setCursor } from '../../../electron/main/team/team-store';
import { describePg } from '../../helpers/pg-cluster';
import { HULI, useReplaceDesks, type Desk } from './replace-desks';

/**
 * A restore of the hub's data directory, with PostgreSQL also started once before the backup
 * (issue 14, faults). The hub finds the restore's own start from the moment the noticing desktop's
 * cursor was written (hub migration 006); a desktop holding a token sealed before the hub noted
 * that moment gets the lower bound of migration 005 instead, the earlier start.
 */
describePg('team sync: where a restore of the data directory went back to', () => {
  const { f, desk, withShared, passageOf, annotations, documents, converged, libraryName } =
    useReplaceDesks('team-restore-point');
  const meta = (d: Desk, docId: string) =>
    d.core.ctx.db
      .prepare(`SELECT field, value FROM document_meta_overrides WHERE document_id = ? ORDER BY field`)
      .all(docId);
  const hubLibrary = async () =>
    (
      await f.pool.query<{ version: number; since: number }>(
        `SELECT version::int, epoch_since::int AS since FROM hub.libraries WHERE name = $1`,
        [libraryName()],
      )
    ).rows[0]!;
  /** The desktop's cursor token sealed again as a hub did before it sealed the moment with it. */
  const sealedWithoutMoment = async (d: Desk) => {
    const seal = createCursorSeal(loadServiceKey(f.keyFile));
    const { rows } = await f.pool.query<{ id: string }>(`SELECT id FROM hub.libraries WHERE name = $1`, [
      libraryName(),
    ]);
    const { db } = d.core.ctx;
    const at = getCursor(db);
    const epoch = currentEpoch(db)!;
    const opened = seal.open(rows[0]!.id, epoch, at.cursor, at.token!) as OpenedToken;
    expect(opened.writtenAt).toBeGreaterThan(0);
    setCursor(db, at.cursor, seal.seal(rows[0]!.id, epoch, at.cursor, opened.uuid));
  };

  // 005's lower bound: a desktop then counts as lost a copy the hub kept. When the hub's copy
  // pulled again is that very copy (same version, same data), it is the base again: an edit made
  // here merges on it as on any base, and is not listed as a clash without a common copy.
  it(
    'takes back as its base a copy the hub kept, and merges an edit made here on it (a token without its moment)',
    withShared(async ({ a, b, docId }) => {
      // PostgreSQL starts again (noted at the next write), then 甲 corrects the region
      f.cluster.restart();
      updateDocumentMeta(a.core.ctx.db, docId, { region: '厦门市湖里区' });
      await a.team.sync();
      const restorePoint = (await hubLibrary()).version;
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
      await sealedWithoutMoment(b);
      f.cluster.restoreFiles(copy);

      // 乙 edits the correction 甲 made before the backup, then notices the restore
      updateDocumentMeta(b.core.ctx.db, docId, { region: '湖里区（乙改）' });
      await b.team.sync();
      expect((await hubLibrary()).since).toBeLessThan(restorePoint);
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

  it(
    'keeps a re-import the restore lost when the hub kept the delete before it, above an earlier start',
    withShared(async ({ a, b, docId }) => {
      const c = await desk('丙');
      try {
        await c.team.sync();
        const together = annotations(a);
        // PostgreSQL starts again, then 甲 deletes the report: the delete lies above that start
        f.cluster.restart();
        deleteWithUndo(a.core.ctx, docId, 'orphan');
        for (const d of [a, b, a, b]) await d.team.sync();
        const restorePoint = (await hubLibrary()).version;
        const copy = f.cluster.backupFiles();
        // after the backup: 甲 imports it again, and 丙 (last synced before the start) learns it all
        await importFiles(a.core.ctx, [HULI], { inline: true });
        for (const d of [a, b, c]) await d.team.sync();
        expect(documents(c)).toEqual(documents(a));
        await f.restartHub(() => f.cluster.restoreFiles(copy));

        // 丙 notices the restore first; the hub's delete (kept from before the backup) must not be
        // taken for a change made since: it is older than the re-import every desktop holds
        await c.team.sync();
        expect((await hubLibrary()).since).toBe(restorePoint);
        for (const d of [a, b, c, a, b]) await d.team.sync();
        for (const d of [a, b, c]) expect(documents(d).map((r) => (r as { id: string }).id)).toEqual([docId]);
        for (const d of [a, b, c]) expect(annotations(d)).toEqual(together);
        await converged([a, b, c]);
      } finally {
        c.core.close();
      }
    }),
    120_000,
  );
});
