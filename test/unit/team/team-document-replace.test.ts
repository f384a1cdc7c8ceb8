import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createAnnotation, updateAnnotation } from '../../../electron/main/annotations/service';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { createLink } from '../../../electron/main/links/service';
import { fileSecretStore } from '../../../electron/main/team/secret-store';
import { HubClient } from '../../../electron/main/team/hub-client';
import { pushAll } from '../../../electron/main/team/push';
import { getState } from '../../../electron/main/team/team-store';
import { describePg } from '../../helpers/pg-cluster';
import { edition, useReplaceDesks, type Desk } from './replace-desks';

/**
 * A new edition (`yandu import --replace`) travels (issue 14): the replacing desktop pushes the
 * document with its new file and the positions it re-anchored; a desktop holding the old edition
 * performs the same replace, the annotations re-anchored there, and nothing goes back and forth.
 */
describePg('team sync: a document replaced by a new edition', () => {
  const {
    f,
    desk,
    annotations,
    documents,
    passageIds,
    passageOf,
    hubDocument,
    hubBlobs,
    hubAuthors,
    linkOrdinals,
    ordinals,
    quiet,
    withShared,
    files,
    converged,
    libraryName,
  } = useReplaceDesks('team-doc-replace');

  it(
    'replaces on the pulling desktop too, its annotations re-anchored, nothing pushed back',
    withShared(async ({ a, b, docId }) => {
      const next = edition(
        path.join(f.tmp, 'files'),
        '湖里区2021-修订.txt',
        '    补充说明:本报告为修订版本。',
      );
      const replaced = await importFiles(a.core.ctx, [next], { inline: true, replace: docId });
      expect(replaced.imported[0]).toMatchObject({ id: docId, replaced: true });
      // every passage after the added paragraph moved down by one, and so did both annotations
      expect(ordinals(a)).toEqual([
        { note: '乙的', ordinal: 11 },
        { note: '甲的', ordinal: 13 },
      ]);
      const pushedReplace = await a.team.sync();
      // the document and both annotations: B's moved too, and any editor may push a position alone
      expect(pushedReplace.pushed).toMatchObject({ sent: 3, accepted: 3, conflicts: 0, rejected: 0 });
      // B stays its author on the hub
      expect(await hubAuthors()).toEqual([
        { note: '乙的', author: '乙' },
        { note: '甲的', author: '甲' },
      ]);
      expect(await hubBlobs()).toBe(2);
      const [hubDoc] = await hubDocument();
      expect(hubDoc).toMatchObject({ fileName: '湖里区2021-修订.txt' });

      const pulled = await b.team.sync();
      expect(pulled.pulled.replaced).toBe(1);
      expect((await b.team.status(false)).lastSyncReplaced).toBe(1);
      expect(documents(b)).toEqual(documents(a));
      expect(passageIds(b)).toEqual(passageIds(a));
      expect(annotations(b)).toEqual(annotations(a));
      expect(annotations(b).every((r) => (r as { status: string }).status === 'anchored')).toBe(true);
      // B computed the same positions A pushed: nothing goes back and forth
      expect(pulled.pushed).toMatchObject({ sent: 0, conflicts: 0 });
      const back = await a.team.sync();
      expect(back.pulled.pulled).toBe(0);
      expect(back.pushed.sent).toBe(0);
      const quietAgain = await b.team.sync();
      expect([quietAgain.pushed.sent, quietAgain.pulled.pulled]).toEqual([0, 0]);
      expect((await b.team.status(false)).lastSyncReplaced).toBe(0);
      expect(annotations(a)).toEqual(annotations(b));
      for (const d of [a, b]) expect(await quiet(d)).toEqual({ pending: 0, conflicts: 0 });

      // a desktop joining afterwards gets the new edition under the document's id, annotations anchored
      const c = await desk('丙');
      try {
        await c.team.sync();
        expect(documents(c)).toEqual(documents(a));
        expect(passageIds(c)).toEqual(passageIds(a));
        expect(annotations(c)).toEqual(annotations(a));
        expect(await quiet(c)).toEqual({ pending: 0, conflicts: 0 });
      } finally {
        c.core.close();
      }
    }),
    120_000,
  );

  it(
    'keeps an edit made on the old edition while another member replaced it',
    withShared(async ({ a, b, docId, mine }) => {
      // 乙 changes its note on the first edition while 甲 replaces the document
      updateAnnotation(b.core.ctx.db, { id: mine(b), note: '乙改过的' });
      const next = edition(files(), '湖里区2021-同时.txt', '    补充说明:同时修订。');
      await importFiles(a.core.ctx, [next], { inline: true, replace: docId });
      for (const d of [a, b, a, b]) await d.team.sync();
      await converged([a, b]);
      expect(ordinals(b)).toEqual([
        { note: '乙改过的', ordinal: 11 },
        { note: '甲的', ordinal: 13 },
      ]);
      for (const d of [a, b]) expect(await quiet(d)).toEqual({ pending: 0, conflicts: 0 });
    }),
    120_000,
  );

  // issue 14: the author of what was pushed on the old edition may never sync again
  it(
    'moves what arrives on an edition replaced here, though its author never syncs again',
    withShared(async ({ a, b, docId }) => {
      const next = edition(files(), '湖里区2021-后到.txt', '    补充说明:乙还没看到的修订。');
      await importFiles(a.core.ctx, [next], { inline: true, replace: docId });
      // before 甲 syncs, 乙 (on the first edition) annotates and links, pushes, and is gone
      const [p20, p30] = [passageOf(b, docId, 20), passageOf(b, docId, 30)];
      createAnnotation(b.core.ctx.db, { passageId: p20, start: 1, end: 5, note: '乙最后的' });
      createLink(b.core.ctx.db, { from: p20, to: p30, note: '乙的链接' });
      await b.team.sync();
      for (const d of [a, a]) await d.team.sync();
      // placed where the replace puts the passages they were on, not orphaned nor waiting
      const placed = [{ note: '乙最后的', ordinal: 21 }];
      expect(ordinals(a)).toEqual(expect.arrayContaining(placed));
      expect(linkOrdinals(a)).toEqual([{ note: '乙的链接', from: 21, to: 31 }]);
      expect(await quiet(a)).toEqual({ pending: 0, conflicts: 0 });
      // the hub holds the new positions, under 乙's name still; a desktop joining now takes them
      expect(await hubAuthors()).toContainEqual({ note: '乙最后的', author: '乙' });
      const c = await desk('丙');
      try {
        await c.team.sync();
        expect(annotations(c)).toEqual(annotations(a));
        expect(linkOrdinals(c)).toEqual(linkOrdinals(a));
        expect(annotations(c).every((r) => (r as { status: string }).status === 'anchored')).toBe(true);
        expect(await quiet(c)).toEqual({ pending: 0, conflicts: 0 });
        expect(
          c.core.ctx.db.prepare(`SELECT count(*) FROM team_objects WHERE applied = 0`).pluck().get(),
        ).toBe(0);
      } finally {
        c.core.close();
      }
    }),
    120_000,
  );

  /** 乙 pushes its outbox without pulling first (甲's edition reached the hub in between). */
  async function pushOnly(b: Desk): Promise<void> {
    const token = fileSecretStore(path.join(f.tmp, `${libraryName()}-乙.token`)).get()!;
    const me = JSON.parse(getState(b.core.ctx.db, 'member')!) as { id: string; name: string };
    await pushAll(b.core.ctx.db, new HubClient({ url: f.hub.url, token }), { me, now: () => new Date() });
  }

  it(
    "keeps an author's resize made on the old edition over the move another desktop pushed",
    withShared(async ({ a, b, docId, mine }) => {
      // 乙 narrows its highlight on the first edition while 甲 replaces and pushes its move
      updateAnnotation(b.core.ctx.db, { id: mine(b), start: 3, end: 5 });
      const next = edition(files(), '湖里区2021-缩小.txt', '    补充说明:乙缩小了划线。');
      await importFiles(a.core.ctx, [next], { inline: true, replace: docId });
      for (const d of [a, b, a]) await d.team.sync();
      await converged([a, b]);
      const narrowed = annotations(a).find((r) => (r as { note: string }).note === '乙的');
      expect(narrowed).toMatchObject({ start_offset: 3, end_offset: 5 });
      expect(ordinals(a)).toContainEqual({ note: '乙的', ordinal: 11 });
      for (const d of [a, b]) expect(await quiet(d)).toEqual({ pending: 0, conflicts: 0 });
    }),
    120_000,
  );

  it(
    'takes the same positions pushed by two desktops as one: no conflict, nothing back and forth',
    withShared(async ({ a, b, docId }) => {
      // both replace by the same file, each moving both annotations, and both push them
      const next = edition(files(), '湖里区2021-同一文件.txt', '    补充说明:两人拿到同一份修订。');
      for (const d of [a, b]) await importFiles(d.core.ctx, [next], { inline: true, replace: docId });
      expect((await a.team.sync()).pushed).toMatchObject({ sent: 3, accepted: 3 });
      await pushOnly(b);
      for (const d of [b, a]) await d.team.sync();
      await converged([a, b]);
      for (const d of [a, b]) expect(await quiet(d)).toEqual({ pending: 0, conflicts: 0 });
      const again = await Promise.all([a, b].map(async (d) => (await d.team.sync()).pushed.sent));
      expect(again).toEqual([0, 0]);
    }),
    120_000,
  );

  // 乙 hears of 甲's edition by a pull (the usual order of a sync) or by its own push's conflict
  it.each(['pull', 'push'] as const)(
    'lists two members replacing the document with different files; the first stands, "keep mine" brings the other (%s)',
    (way) =>
      withShared(async ({ a, b, docId }) => {
        const first = edition(files(), `甲的版本-${way}.txt`, `    补充说明:甲的版本${way}。`);
        const second = edition(
          files(),
          `乙的版本-${way}.txt`,
          `    补充说明:乙的版本${way},与甲的不同。\n\n      又及:乙另加一段。`,
        );
        const [original] = documents(a) as { content_hash: string }[];
        await importFiles(a.core.ctx, [first], { inline: true, replace: docId });
        await importFiles(b.core.ctx, [second], { inline: true, replace: docId });
        await a.team.sync();
        if (way === 'push') await pushOnly(b);
        for (const d of [b, a, b]) await d.team.sync();
        await converged([a, b]);
        expect(ordinals(b).map((r) => (r as { ordinal: number }).ordinal)).toEqual([11, 13]);
        expect((await hubDocument())[0]).toMatchObject({ fileName: `甲的版本-${way}.txt` });
        expect(await quiet(a)).toEqual({ pending: 0, conflicts: 0 });
        // 乙's edition is listed, its file still where 乙 chose it (and on the hub when it was sent)
        const [listed, ...others] = b.team.conflicts();
        expect(others).toEqual([]);
        expect(listed).toMatchObject({
          kind: 'document',
          objectId: docId,
          reason: 'edit',
          fields: ['contentHash'],
        });
        expect(listed!.local).toMatchObject({ fileName: `乙的版本-${way}.txt`, sourceFile: second });
        // judged on the edition both were made from (before: a pull's listing named none)
        const base = b.core.ctx.db
          .prepare(`SELECT base FROM team_conflicts WHERE id = ?`)
          .pluck()
          .get(listed!.id);
        expect(JSON.parse(String(base))).toMatchObject({ contentHash: original!.content_hash });
        expect(fs.existsSync(second)).toBe(true);
        expect(await hubBlobs()).toBe(way === 'push' ? 3 : 2);

        // 乙 keeps its own edition after all: its file replaces the document again, and everyone takes it
        expect(await b.team.resolve(listed!.id, 'local')).toMatchObject({ resolution: 'local' });
        for (const d of [b, a, b]) await d.team.sync();
        await converged([a, b]);
        expect((await hubDocument())[0]).toMatchObject({ fileName: `乙的版本-${way}.txt` });
        expect(ordinals(a).map((r) => (r as { ordinal: number }).ordinal)).toEqual([12, 14]);
        for (const d of [a, b]) expect(await quiet(d)).toEqual({ pending: 0, conflicts: 0 });
      })(),
    120_000,
  );

  it(
    'brings a desktop offline for several rounds straight to the latest edition',
    withShared(async ({ a, b, docId, mine }) => {
      const c = await desk('丙');
      try {
        await c.team.sync();
        // 丙 goes offline and annotates the first edition; meanwhile 甲 replaces twice and 乙 annotates
        createAnnotation(c.core.ctx.db, {
          passageId: passageOf(c, docId, 20),
          start: 0,
          end: 3,
          note: '丙的',
        });
        const second = edition(files(), '湖里区-第二版.txt', '    补充说明:第二版。');
        await importFiles(a.core.ctx, [second], { inline: true, replace: docId });
        for (const d of [a, b]) await d.team.sync();
        updateAnnotation(b.core.ctx.db, { id: mine(b), note: '乙在第二版上改的' });
        const third = edition(
          files(),
          '湖里区-第三版.txt',
          '    补充说明:第三版。\n\n      再补一段:第三版新增。',
        );
        await importFiles(a.core.ctx, [third], { inline: true, replace: docId });
        for (const d of [b, a, b, a]) await d.team.sync();
        for (const d of [c, a, b, c]) await d.team.sync();
        await converged([a, b, c]);
        expect(ordinals(c)).toEqual([
          { note: '丙的', ordinal: 22 },
          { note: '乙在第二版上改的', ordinal: 12 },
          { note: '甲的', ordinal: 14 },
        ]);
        for (const d of [a, b, c]) expect(await quiet(d)).toEqual({ pending: 0, conflicts: 0 });
      } finally {
        c.core.close();
      }
    }),
    120_000,
  );
});
