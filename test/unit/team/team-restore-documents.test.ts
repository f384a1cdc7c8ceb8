import { expect, it } from 'vitest';
import { createAnnotation } from '../../../electron/main/annotations/service';
import { createCore } from '../../../electron/main/core/app-core';
import { HubClient } from '../../../electron/main/team/hub-client';
import { pullAll } from '../../../electron/main/team/pull';
import { pushAll } from '../../../electron/main/team/push';
import { getState, teamMember } from '../../../electron/main/team/team-store';
import { TeamService } from '../../../electron/main/team/team-service';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { describePg } from '../../helpers/pg-cluster';
import { edition, HULI, useReplaceDesks, type Desk } from './replace-desks';
import { replaceLibraryFile } from './team-hub-fixture';

/**
 * The hub restored from a backup older than a document's last accepted change (issue 14, faults):
 * the restored hub still holds the document as it stood in the backup (deleted there, or in an
 * older edition). Every desktop that holds the later copy offers it again on the hub's copy, as it
 * does an annotation; the hub's older copy is never applied over it, or the re-import (with every
 * annotation that came back with it) or the new edition would be lost for the whole team.
 */
describePg('team sync: a restored hub and the documents it lost', () => {
  const { f, withShared, annotations, documents, hubDocument, files, converged, passageOf } =
    useReplaceDesks('team-restore-docs');
  const held = (d: Desk, id: string) =>
    d.core.ctx.db.prepare(`SELECT note FROM annotations WHERE id = ?`).pluck().get(id);
  const hubNote = async (id: string) =>
    (
      await f.pool.query<{ note: string }>(`SELECT data->>'note' AS note FROM hub.objects WHERE id = $1`, [
        id,
      ])
    ).rows[0]?.note;
  /** The desktop's library file replaced by its backup and opened again, as its member would. */
  const putBack = (d: Desk, backup: string): Desk => {
    const { databasePath } = d.core.ctx;
    const secrets = d.core.ctx.platform.teamSecrets!;
    d.core.close();
    replaceLibraryFile(databasePath, backup);
    const core = createCore({ databasePath, teamSecrets: secrets });
    return { core, team: new TeamService(core.ctx, { secrets, inlineParse: true }) };
  };
  const syncAll = async (desks: Desk[]) => {
    for (const d of [...desks, ...desks]) await d.team.sync();
  };

  // a dump put back through pg_restore, or a copy of the data directory (seen by the cursors only)
  const backups = {
    dump: () => {
      const dump = f.cluster.dump(f.database);
      return () => f.cluster.restore(f.database, dump);
    },
    files: () => {
      const copy = f.cluster.backupFiles();
      return () => f.cluster.restoreFiles(copy);
    },
  };

  it.each(['dump', 'files'] as const)(
    'offers again a re-import the hub lost, and the annotations come back with it (%s)',
    (kind) =>
      withShared(async ({ a, b, docId }) => {
        const together = annotations(a);
        deleteWithUndo(a.core.ctx, docId, 'orphan');
        await syncAll([a, b]);
        expect(documents(b)).toEqual([]);
        // the backup holds the document deleted
        const restore = backups[kind]();
        expect((await importFiles(a.core.ctx, [HULI], { inline: true })).imported.map((d) => d.id)).toEqual([
          docId,
        ]);
        await syncAll([a, b]);
        expect(annotations(b)).toEqual(together);
        await f.restartHub(restore);

        await syncAll([b, a]);
        for (const d of [a, b]) expect(documents(d).map((r) => (r as { id: string }).id)).toEqual([docId]);
        expect((await hubDocument()).map((d) => d['contentHash'])).toEqual(
          documents(a).map((r) => (r as { content_hash: string }).content_hash),
        );
        for (const d of [a, b]) expect(annotations(d)).toEqual(together);
        await converged([a, b]);
        for (const d of [a, b])
          expect(await d.team.status(false)).toMatchObject({ pending: 0, conflicts: 0 });
      })(),
    90_000,
  );

  it(
    'offers again a new edition the hub lost instead of taking back the older one',
    withShared(async ({ a, b, docId }) => {
      const dump = f.cluster.dump(f.database);
      const file = edition(files(), '湖里区-恢复版.txt', '补充说明:恢复前的修订。');
      expect((await importFiles(a.core.ctx, [file], { inline: true, replace: docId })).failed).toEqual([]);
      await syncAll([a, b]);
      const newer = documents(a);
      expect(documents(b)).toEqual(newer);
      await f.restartHub(() => f.cluster.restore(f.database, dump));

      await syncAll([b, a]);
      for (const d of [a, b]) expect(documents(d)).toEqual(newer);
      expect((await hubDocument()).map((d) => d['contentHash'])).toEqual(
        newer.map((r) => (r as { content_hash: string }).content_hash),
      );
      await converged([a, b]);
    }),
    90_000,
  );

  it.each(['the delete', 'the re-import'] as const)(
    'keeps the re-import over a delete from the same lost history offered again by a desktop that missed it (%s synced first)',
    (first) =>
      withShared(async ({ a, b, docId }) => {
        const dump = f.cluster.dump(f.database);
        deleteWithUndo(a.core.ctx, docId, 'orphan');
        await syncAll([a, b]);
        expect(documents(b)).toEqual([]);
        // 甲 imports it again; 乙 does not sync before the hub goes back to its backup
        await importFiles(a.core.ctx, [HULI], { inline: true });
        await a.team.sync();
        await f.restartHub(() => f.cluster.restore(f.database, dump));
        // 乙 offers again the delete it holds, 甲 the re-import made after that delete (the hub's
        // copy from before the restore equal to it: nothing to send until the delete comes)
        if (first === 'the re-import') await a.team.sync();
        await b.team.sync();
        expect(await hubDocument()).toEqual([null]);
        await syncAll([a, b]);
        for (const d of [a, b]) expect(documents(d).map((r) => (r as { id: string }).id)).toEqual([docId]);
        await converged([a, b]);
      })(),
    90_000,
  );

  it(
    'keeps a re-import made after a delete the hub lost, not yet sent, over that delete offered again by another desktop',
    withShared(async ({ a, b, docId }) => {
      const dump = f.cluster.dump(f.database);
      // (a version between the backup and the delete: offered again, the delete gets another number)
      createAnnotation(b.core.ctx.db, { passageId: passageOf(b, docId, 3), start: 0, end: 2, note: '乙' });
      await syncAll([b, a]);
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      await syncAll([a, b]);
      expect(documents(b)).toEqual([]);
      // 甲 imports it again and does not sync before the hub goes back to its backup
      await importFiles(a.core.ctx, [HULI], { inline: true });
      await f.restartHub(() => f.cluster.restore(f.database, dump));
      // 乙 offers again the delete both held; 甲's re-import was made after that very delete
      await b.team.sync();
      expect(await hubDocument()).toEqual([null]);
      await syncAll([a, b]);
      for (const d of [a, b]) expect(documents(d).map((r) => (r as { id: string }).id)).toEqual([docId]);
      await converged([a, b]);
      for (const d of [a, b]) expect(await d.team.status(false)).toMatchObject({ pending: 0, conflicts: 0 });
    }),
    90_000,
  );

  it(
    'offers again an annotation the hub lost while it waits here for its document',
    withShared(async ({ a, b, docId }) => {
      const backup = `${b.core.ctx.databasePath}.backup`;
      b.core.ctx.db.exec(`VACUUM INTO '${backup}'`);
      const dump = f.cluster.dump(f.database);
      // 甲 deletes the report; 乙, not synced since, annotates it, then puts its backup back
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      await a.team.sync();
      const x = createAnnotation(b.core.ctx.db, {
        passageId: passageOf(b, docId, 15),
        start: 0,
        end: 4,
        note: '乙的迟到批注',
      });
      await b.team.sync();
      const again = putBack(b, backup);
      // the pull brings the delete, then 乙's annotation, which waits for the document
      await again.team.sync();
      expect(held(again, x.id)).toBeUndefined();
      await f.restartHub(() => f.cluster.restore(f.database, dump));
      // (before: offered as absent, dropped unsent because its document is away)
      await again.team.sync();
      expect(await hubNote(x.id)).toBe('乙的迟到批注');
      await importFiles(a.core.ctx, [HULI], { inline: true });
      await syncAll([a, again]);
      expect([held(a, x.id), held(again, x.id)]).toEqual(['乙的迟到批注', '乙的迟到批注']);
      again.core.close();
    }),
    90_000,
  );

  it(
    'settles quietly a push that meets the same lost document offered again by another desktop after its pull',
    withShared(async ({ a, b }) => {
      const dump = f.cluster.dump(f.database);
      // a second report, imported after the backup: the restored hub lacks it, both desktops hold it
      const file = edition(files(), '湖里区-另一份.txt', '另一份报告的说明。');
      const other = (await importFiles(a.core.ctx, [file], { inline: true })).imported[0]!.id;
      await syncAll([a, b]);
      await f.restartHub(() => f.cluster.restore(f.database, dump));

      // 甲 pulls (the hub has no copy: its own stays lost) and pushes only after 乙 offered it again
      const { db } = a.core.ctx;
      const hub = new HubClient({
        url: getState(db, 'hub_url')!,
        token: a.core.ctx.platform.teamSecrets!.get()!,
      });
      const me = teamMember(db)!;
      await pullAll(a.core.ctx, hub, { inline: true, now: () => new Date(), me });
      await b.team.sync();
      expect((await hubDocument()).map((d) => d['title'])).toHaveLength(2);
      // its push meets 乙's copy (the same edition, made from the same lost copy): no clash to list
      const pushed = await pushAll(db, hub, { me, now: () => new Date() });
      expect(pushed.conflicts).toBe(1);
      expect(await a.team.conflicts()).toEqual([]);
      await syncAll([a, b]);
      for (const d of [a, b]) expect(documents(d).map((r) => (r as { id: string }).id)).toContain(other);
      await converged([a, b]);
      for (const d of [a, b]) expect(await d.team.status(false)).toMatchObject({ pending: 0, conflicts: 0 });
    }),
    90_000,
  );
});
