import { expect, it } from 'vitest';
import { describePg } from '../../helpers/pg-cluster';
import { annotationData, batch, put, useHub } from './hub-fixture';

/**
 * Restores, as the hub sees them (migration 002): a database put back from a dump starts a new
 * epoch naming the version it went back to, and a push built on the old epoch applies nothing; a
 * device pulling from below the cursor it once confirmed hears what that cursor was.
 */
describePg('team hub: epochs and device cursors', () => {
  const fx = useHub('hub_epochs');

  it('starts a new epoch after pg_restore and refuses pushes of the old one whole', async () => {
    const alice = await fx.join('恢复', 'editor', '张三');
    const first = await alice.push(batch(put('annotation', 'a1', null, annotationData())));
    const before = (await alice.pull(0)).json;
    expect(before.epoch).toMatch(/^[0-9a-f-]{36}$/);
    const dump = fx.cluster.dump('hub_epochs');
    const second = await alice.push({
      ...batch(put('annotation', 'a2', null, annotationData())),
      epoch: before.epoch,
    });
    expect(second.json.results[0]!.status).toBe('accepted');
    fx.cluster.restore('hub_epochs', dump);

    const after = (await alice.pull(0)).json;
    expect(after.epoch).not.toBe(before.epoch);
    expect(after.epochSince).toBe(first.json.version);
    expect(after.changes.map((c) => c.id)).toEqual(['a1']);
    const stale = await alice.push({
      ...batch(put('annotation', 'a3', null, annotationData())),
      epoch: before.epoch,
    });
    expect(stale.json).toMatchObject({ stale: true, results: [], epoch: after.epoch });
    expect((await alice.pull(0)).json.changes.map((c) => c.id)).toEqual(['a1']);
    const current = await alice.push({
      ...batch(put('annotation', 'a3', null, annotationData())),
      epoch: after.epoch,
    });
    expect(current.json.results[0]!.status).toBe('accepted');
    // One restore, one new epoch: later requests keep it.
    expect((await alice.pull(0)).json.epoch).toBe(after.epoch);
  }, 60_000);

  it('tells a device the cursor it had confirmed, so a restored desktop can know it went back', async () => {
    const bob = await fx.join('游标', 'editor', '李四');
    await bob.push(batch(put('annotation', 'b1', null, annotationData())));
    const v = (await bob.push(batch(put('annotation', 'b2', null, annotationData())))).json.version;
    expect((await bob.pull(0)).json.deviceCursor).toBe(0);
    expect((await bob.pull(v)).json.deviceCursor).toBe(0);
    expect((await bob.pull(1)).json.deviceCursor).toBe(v);
    const carol = await fx.join('游标', 'editor', '王五');
    expect((await carol.pull(0)).json.deviceCursor).toBe(0);
  }, 60_000);
});
