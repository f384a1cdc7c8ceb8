import path from 'node:path';
import { expect, it } from 'vitest';
import { updateAnnotation } from '../../../electron/main/annotations/service';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { getBase } from '../../../electron/main/team/team-bases';
import { describePg } from '../../helpers/pg-cluster';
import { edition, useReplaceDesks } from './replace-desks';

/**
 * A desktop that moved another member's annotation onto a new edition (the hub accepts the move and
 * keeps the author) must keep that author in its base copy: what is written back from the base (a
 * refused edit undone, a document imported again) showed this member as the author, and their next
 * edit of "their" annotation was refused.
 */
describePg('team sync: a move of another member’s annotation keeps its author', () => {
  const { f, withShared } = useReplaceDesks('team-move-author');

  it(
    'keeps the author in the base copy and in the library after a refused edit is undone',
    withShared(async ({ a, b, docId, mine }) => {
      const next = edition(path.join(f.tmp, 'files'), '湖里区2021-作者.txt', '    补充说明:作者不变。');
      await importFiles(a.core.ctx, [next], { inline: true, replace: docId });
      expect((await a.team.sync()).pushed).toMatchObject({ accepted: 3, rejected: 0 });
      const theirs = mine(b);
      // before: 甲, who only moved it
      expect(getBase(a.core.ctx.db, 'annotation', theirs)?.authorName).toBe('乙');
      updateAnnotation(a.core.ctx.db, { id: theirs, note: '甲改乙的' });
      expect((await a.team.sync()).pushed).toMatchObject({ rejected: 1 });
      const row = () =>
        a.core.ctx.db.prepare(`SELECT author, note FROM annotations WHERE id = ?`).get(theirs);
      expect(row()).toEqual({ author: '乙', note: '乙的' });
    }),
    90_000,
  );
});
