import path from 'node:path';
import { expect, it } from 'vitest';
import { HubClient } from '../../../electron/main/team/hub-client';
import { pushAll } from '../../../electron/main/team/push';
import { fileSecretStore } from '../../../electron/main/team/secret-store';
import { teamMember } from '../../../electron/main/team/team-store';
import { deleteWithUndo } from '../../../electron/main/documents/document-care';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { describePg } from '../../helpers/pg-cluster';
import { edition, useReplaceDesks, type Desk } from './replace-desks';

/**
 * A new edition crossing a colleague's delete of the same document (issue 14): whichever the hub
 * accepted first stands on every desktop, and the other member's is listed, never kept on one
 * desktop alone (see editions.ts `settleDocumentConflict`); 保留我的 does it again for everyone.
 */
describePg('team sync: a new edition crossing a delete', () => {
  const { f, documents, annotations, hubDocument, withShared, files, libraryName } =
    useReplaceDesks('team-replace-delete');
  /** Only the push of a sync: what crosses the other's change on the hub instead of meeting it in a pull. */
  async function pushOnly(d: Desk, name: string): Promise<void> {
    const token = fileSecretStore(path.join(f.tmp, `${libraryName()}-${name}.token`)).get()!;
    const me = teamMember(d.core.ctx.db)!;
    await pushAll(d.core.ctx.db, new HubClient({ url: f.hub.url, token }), { me, now: () => new Date() });
  }
  const documentConflicts = async (d: Desk) =>
    (await d.team.conflicts())
      .filter((c) => c.kind === 'document')
      .map((c) => ({ fields: c.fields, local: !!c.local }));

  it(
    'keeps the delete made first: the edition is deleted on its desktop too and listed with its file',
    withShared(async ({ a, b, docId }) => {
      const before = annotations(a);
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      await a.team.sync();
      // 乙 had not seen the delete when making the edition
      const file = edition(files(), '湖里区-乙版.txt', '补充说明:乙的修订。');
      expect((await importFiles(b.core.ctx, [file], { inline: true, replace: docId })).failed).toEqual([]);
      await b.team.sync();
      expect(documents(b)).toEqual([]);
      expect(await hubDocument()).toEqual([null]);
      expect(await documentConflicts(b)).toEqual([{ fields: ['*'], local: true }]);
      expect(annotations(b)).toEqual([]);

      // 保留我的: the edition comes back under the document's id, for everyone
      const [conflict] = await b.team.conflicts();
      await b.team.resolve(conflict!.id, 'local');
      for (const d of [b, a, b]) await d.team.sync();
      expect(documents(a)).toEqual(documents(b));
      expect(documents(a)).toHaveLength(1);
      expect(annotations(a).map((r) => (r as { id: string }).id)).toEqual(
        before.map((r) => (r as { id: string }).id),
      );
      expect(annotations(b)).toEqual(annotations(a));
      expect((await b.team.status(false)).pending).toBe(0);
    }),
    90_000,
  );

  it(
    'keeps the delete made first when the edition’s push crosses it on the hub',
    withShared(async ({ a, b, docId }) => {
      deleteWithUndo(a.core.ctx, docId, 'orphan');
      await a.team.sync();
      const file = edition(files(), '湖里区-乙交叉.txt', '补充说明:乙交叉的修订。');
      expect((await importFiles(b.core.ctx, [file], { inline: true, replace: docId })).failed).toEqual([]);
      await pushOnly(b, '乙');
      expect(await documentConflicts(b)).toEqual([{ fields: ['*'], local: true }]);
      // before: the hub's tombstone became 乙's base as if it held it, the document kept here alone
      await b.team.sync();
      expect(documents(b)).toEqual([]);
      expect(annotations(b)).toEqual([]);
      expect(await hubDocument()).toEqual([null]);
      expect((await b.team.status(false)).pending).toBe(0);
    }),
    90_000,
  );

  // the delete met in a pull (its desktop syncs as usual), or crossing the edition on the hub
  for (const crossing of ['pull', 'push'] as const)
    it(
      `keeps the edition made first (the delete meeting it in a ${crossing}): the document comes back, the delete listed`,
      withShared(async ({ a, b, docId }) => {
        const file = edition(files(), `湖里区-乙先-${crossing}.txt`, `补充说明:乙先改的(${crossing})。`);
        expect((await importFiles(b.core.ctx, [file], { inline: true, replace: docId })).failed).toEqual([]);
        await b.team.sync();
        // 甲 deletes the edition it holds, not having seen 乙's
        deleteWithUndo(a.core.ctx, docId, 'orphan');
        if (crossing === 'push') await pushOnly(a, '甲');
        await a.team.sync();
        await a.team.sync();
        expect(documents(a)).toEqual(documents(b));
        expect(documents(a)).toHaveLength(1);
        expect(await documentConflicts(a)).toEqual([{ fields: ['*'], local: false }]);
        expect(annotations(a)).toEqual(annotations(b));
        expect(annotations(a)).toHaveLength(2);
        expect((await a.team.status(false)).pending).toBe(0);
      }),
      90_000,
    );
});
