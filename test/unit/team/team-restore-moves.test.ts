import { expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation } from '../../../electron/main/annotations/service';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { describePg } from '../../helpers/pg-cluster';
import { edition, useReplaceDesks } from './replace-desks';

/**
 * The hub restored from a backup that lacks another member's annotation, which a new edition made
 * here then moves (issue 14, faults): the move is no reason to offer the annotation again. Pushed,
 * the hub would take it as this member's new annotation, whatever its author did meanwhile. It is
 * listed as gone from the hub and taken out, as any other member's object the restore lost.
 */
describePg('team sync: a restored hub and a move of what it lost', () => {
  const { f, withShared, files, passageOf } = useReplaceDesks('team-restore-moves');
  const hubNotes = async () =>
    (
      await f.pool.query<{ note: string }>(
        `SELECT data->>'note' AS note FROM hub.objects WHERE kind = 'annotation' AND NOT deleted ORDER BY 1`,
      )
    ).rows.map((r) => r.note);

  it(
    'does not offer again, as its own, another member’s annotation the hub lost and the author deleted',
    withShared(async ({ a, b, docId }) => {
      const dump = f.cluster.dump(f.database);
      const x = createAnnotation(b.core.ctx.db, {
        passageId: passageOf(b, docId, 20),
        start: 0,
        end: 4,
        note: '乙的新批注',
      });
      await b.team.sync();
      await a.team.sync();
      expect(a.core.ctx.db.prepare(`SELECT note FROM annotations WHERE id = ?`).pluck().get(x.id)).toBe(
        '乙的新批注',
      );
      await f.restartHub(() => f.cluster.restore(f.database, dump));
      // its author takes it back meanwhile; 甲 makes a new edition, which moves it
      deleteAnnotation(b.core.ctx.db, x.id);
      const file = edition(files(), '湖里区-甲版.txt', '补充说明:甲的修订。');
      expect((await importFiles(a.core.ctx, [file], { inline: true, replace: docId })).failed).toEqual([]);
      await a.team.sync();
      await b.team.sync();
      await a.team.sync();
      expect(await hubNotes()).toEqual(['乙的', '甲的']);
      for (const d of [a, b])
        expect(d.core.ctx.db.prepare(`SELECT count(*) FROM annotations WHERE id = ?`).pluck().get(x.id)).toBe(
          0,
        );
      // listed with 甲's copy while gone from the hub, then settled by its author's delete
      const listed = (await a.team.conflicts(true)).filter((c) => c.objectId === x.id);
      expect(listed.map((c) => ({ fields: c.fields, remote: c.remote, resolution: c.resolution }))).toEqual([
        { fields: ['*'], remote: null, resolution: 'remote' },
      ]);
    }),
    90_000,
  );
});
