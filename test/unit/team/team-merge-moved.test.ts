import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { updateAnnotation } from '../../../electron/main/annotations/service';
import { HubClient } from '../../../electron/main/team/hub-client';
import { readLocal } from '../../../electron/main/team/local-read';
import { getBase } from '../../../electron/main/team/team-bases';
import { describePg } from '../../helpers/pg-cluster';
import { useReplaceDesks, type Desk } from './replace-desks';

/**
 * A hub copy written here that names a passage of an edition this desktop does not hold stands on
 * the edition it holds (arrival re-anchoring); that position goes to the hub at once, as it does for
 * a pulled copy not changed here — also when the copy is a merge, or is put back over a refused
 * edit. Otherwise the hub kept the other edition's position while this library showed its own, and
 * the two stayed apart until some later edit (the sync fuzz's seed 33 ended diverged that way).
 */
describePg('team sync: a copy re-anchored on arrival is pushed', () => {
  const { f, passageOf, withShared, libraryName } = useReplaceDesks('team-merge-moved');

  const hubCopy = async (id: string) =>
    (
      await f.pool.query<{ data: Record<string, unknown> }>(
        `SELECT o.data FROM hub.objects o JOIN hub.libraries l ON l.id = o.library_id
          WHERE l.name = $1 AND o.kind = 'annotation' AND o.id = $2`,
        [libraryName(), id],
      )
    ).rows[0]!.data;

  /** `a`'s annotation moved, on another desktop of 甲 that holds another edition, to its passage. */
  async function movedElsewhere(a: Desk, docId: string, id: string, over: Record<string, unknown> = {}) {
    const base = getBase(a.core.ctx.db, 'annotation', id)!;
    const elsewhere = new HubClient({ url: f.hub.url, token: a.core.ctx.platform.teamSecrets!.get()! });
    const data = { ...base.data, passageId: `${docId}-${crypto.randomUUID()}`, ...over };
    const pushed = await elsewhere.push({
      batchId: crypto.randomUUID(),
      changes: [{ kind: 'annotation', id, op: 'put', baseVersion: base.version, data }],
    });
    expect(pushed.results[0]!.status).toBe('accepted');
  }

  it(
    'pushes the position a merge took on the edition held here',
    withShared(async ({ a, docId, mine }) => {
      const id = mine(a);
      const passageId = passageOf(a, docId, 12);
      // the same note written here and on the other desktop: the merge takes the other passage
      updateAnnotation(a.core.ctx.db, { id, note: '同一' });
      await movedElsewhere(a, docId, id, { note: '同一' });
      await a.team.sync();
      expect(readLocal(a.core.ctx.db, 'annotation', id)).toMatchObject({ passageId, note: '同一' });
      expect(await hubCopy(id)).toMatchObject({ passageId, note: '同一' });
      expect((await a.team.status(false)).pending).toBe(0);
    }),
    90_000,
  );

  it(
    "pushes the position the hub's copy took here when an edit of another member's object is refused",
    withShared(async ({ a, b, docId, mine }) => {
      const id = mine(a);
      const passageId = passageOf(b, docId, 12);
      await movedElsewhere(a, docId, id);
      updateAnnotation(b.core.ctx.db, { id, note: '乙写的' });
      const report = await b.team.sync();
      expect(report.pushed.rejected).toBe(1);
      // put back as the hub has it, on the passage held here: that position is the hub's too
      expect(readLocal(b.core.ctx.db, 'annotation', id)).toMatchObject({ passageId, note: '甲的' });
      expect(await hubCopy(id)).toMatchObject({ passageId, note: '甲的' });
      expect((await b.team.status(false)).pending).toBe(0);
    }),
    90_000,
  );
});
