import { expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation } from '../../../electron/main/annotations/service';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { describePg } from '../../helpers/pg-cluster';
import { edition, useReplaceDesks, type Desk } from './replace-desks';

/**
 * The hub restored from a backup that lacks another member's annotation, which a new edition made
 * here then moves (issue 14, faults): the move is no reason to offer the annotation again. Pushed,
 * the hub would take it as this member's new annotation, whatever its author did meanwhile. It is
 * listed as gone from the hub and taken out, as any other member's object the restore lost. Its
 * author's desktop, holding it, offers it again (nothing accepted is lost), after a restore of the
 * data directory too, also when PostgreSQL started again before that desktop synced (hub
 * migration 005: the restore point, not the version at the last start).
 */
describePg('team sync: a restored hub and a move of what it lost', () => {
  const { f, withShared, files, passageOf, libraryName } = useReplaceDesks('team-restore-moves');
  const hubNotes = async () =>
    (
      await f.pool.query<{ note: string }>(
        `SELECT o.data->>'note' AS note FROM hub.objects o JOIN hub.libraries l ON l.id = o.library_id
          WHERE l.name = $1 AND o.kind = 'annotation' AND NOT o.deleted ORDER BY 1`,
        [libraryName()],
      )
    ).rows.map((r) => r.note);

  type Desks = { a: Desk; b: Desk; docId: string };
  /** 乙's new annotation, held by both desktops, then lost by a hub restored from a dump before it. */
  async function lostFromHub({ a, b, docId }: Desks) {
    const dump = f.cluster.dump(f.database);
    const x = createAnnotation(b.core.ctx.db, {
      passageId: passageOf(b, docId, 20),
      start: 0,
      end: 4,
      note: '乙的新批注',
    });
    await b.team.sync();
    await a.team.sync();
    expect(held(a, x.id)).toBe('乙的新批注');
    await f.restartHub(() => f.cluster.restore(f.database, dump));
    return x;
  }
  const held = (d: Desk, id: string) =>
    d.core.ctx.db.prepare(`SELECT note FROM annotations WHERE id = ?`).pluck().get(id);

  it(
    'does not offer again, as its own, another member’s annotation the hub lost and the author deleted',
    withShared(async (desks) => {
      const { a, b, docId } = desks;
      const x = await lostFromHub(desks);
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

  it(
    'offers again what its author holds and the restored hub lost; a listing made elsewhere meanwhile settles',
    withShared(async (desks) => {
      const { a, b } = desks;
      const x = await lostFromHub(desks);
      // 甲 syncs first: the hub no longer has it and its author has not offered it yet
      await a.team.sync();
      expect(held(a, x.id)).toBeUndefined();
      expect((await a.team.conflicts()).map((c) => c.objectId)).toEqual([x.id]);
      // its author's desktop offers it again, and it comes back to 甲 with the listing settled
      await b.team.sync();
      await a.team.sync();
      expect(await hubNotes()).toEqual(['乙的', '乙的新批注', '甲的']);
      expect([held(a, x.id), held(b, x.id)]).toEqual(['乙的新批注', '乙的新批注']);
      expect(await a.team.conflicts()).toEqual([]);
    }),
    90_000,
  );

  it(
    'offers again what the hub lost in a data-directory restore, PostgreSQL started again before it synced',
    withShared(async ({ a, b, docId }) => {
      const note = (d: Desk, text: string, ordinal: number) =>
        createAnnotation(d.core.ctx.db, {
          passageId: passageOf(d, docId, ordinal),
          start: 0,
          end: 4,
          note: text,
        });
      const copy = f.cluster.backupFiles();
      note(b, '乙的新批注', 20);
      await b.team.sync();
      f.cluster.restoreFiles(copy);
      // 甲 never saw it: its writes go on in the restored history (the lost version's number
      // given again), across a restart of PostgreSQL
      note(a, '甲的一', 21);
      await a.team.sync();
      f.cluster.restart();
      note(a, '甲的二', 22);
      await a.team.sync();
      // 乙's cursor names the lost version: its annotation the hub lost is offered again
      await b.team.sync();
      await a.team.sync();
      expect(await hubNotes()).toEqual(['乙的', '乙的新批注', '甲的', '甲的一', '甲的二']);
      const notes = (d: Desk) =>
        d.core.ctx.db.prepare(`SELECT note FROM annotations ORDER BY note`).pluck().all();
      expect(notes(a)).toEqual(await hubNotes());
      expect(notes(b)).toEqual(await hubNotes());
    }),
    90_000,
  );
});
