import { expect, it } from 'vitest';
import { describePg } from '../../helpers/pg-cluster';
import type { PullResponse } from '../../../shared/team/protocol';
import { annotationData, batch, put, useHub, type HubMember } from './hub-fixture';

/**
 * Restores, as the hub sees them (migration 002): a database put back from a dump starts a new
 * epoch naming the version it went back to, and a push built on the old epoch applies nothing; a
 * device pulling from below the cursor it once confirmed hears what that cursor was; a restore that
 * keeps the tables (the data directory copied back) is told by a desktop's cursor and its token.
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

  /** A pull as the desktop sends it: its cursor, the epoch and token that cursor belongs to. */
  const pullAt = async (m: HubMember, at: { cursor: number; epoch?: string; cursorToken?: string }) =>
    (
      await m.call<PullResponse>(
        'GET',
        `/v1/pull?since=${at.cursor}&limit=1000&epoch=${at.epoch}` +
          (at.cursorToken ? `&token=${at.cursorToken}` : ''),
      )
    ).json;

  it('starts a new epoch when the data directory was put back, told by a cursor the hub no longer has', async () => {
    const alice = await fx.join('文件', 'editor', '赵六');
    const bob = await fx.join('文件', 'editor', '钱七');
    await alice.push(batch(put('annotation', 'f1', null, annotationData())));
    const backedUp = (await alice.pull(0)).json;
    expect(backedUp.cursorToken).toMatch(/^[0-9a-f-]{36}\.[0-9a-z]{1,13}\.[A-Za-z0-9_-]{43}$/);
    const copy = fx.cluster.backupFiles();
    await alice.push({ ...batch(put('annotation', 'f2', null, annotationData())), epoch: backedUp.epoch });
    const seen = await pullAt(alice, backedUp);
    expect(seen.changes.map((c) => c.id)).toEqual(['f2']);
    expect(await pullAt(alice, seen)).toMatchObject({ epoch: backedUp.epoch, changes: [] });

    fx.cluster.restoreFiles(copy);
    // the tables kept their OID: migration 002's check sees nothing
    expect((await bob.pull(0)).json.epoch).toBe(backedUp.epoch);
    // another desktop writes first: the lost version's number is given again, to another change
    const reused = await bob.push({
      ...batch(put('annotation', 'g1', null, annotationData())),
      epoch: backedUp.epoch,
      at: { cursor: backedUp.cursor, token: backedUp.cursorToken },
    });
    expect(reused.json).toMatchObject({ version: seen.cursor, epoch: backedUp.epoch });
    expect(reused.json.versionToken).not.toBe(seen.cursorToken);

    const after = await pullAt(alice, seen);
    expect(after.epoch).not.toBe(backedUp.epoch);
    // the version written before the server last started: the point the restore went back to
    expect(after.epochSince).toBe(backedUp.cursor);
    // a push built on the lost history is refused whole, and one more check starts no further epoch
    const stale = await alice.push({
      ...batch(put('annotation', 'f3', null, annotationData())),
      epoch: backedUp.epoch,
      at: { cursor: seen.cursor, token: seen.cursorToken },
    });
    expect(stale.json).toMatchObject({ stale: true, results: [], epoch: after.epoch });
    const current = await pullAt(bob, { cursor: 0, epoch: after.epoch });
    expect((await pullAt(bob, current)).epoch).toBe(after.epoch);
  }, 90_000);

  it('keeps the restore point when PostgreSQL started again before any desktop noticed', async () => {
    const alice = await fx.join('重启', 'editor', '周九');
    const bob = await fx.join('重启', 'editor', '吴十');
    await alice.push(batch(put('annotation', 'r1', null, annotationData())));
    const backedUp = (await alice.pull(0)).json;
    expect(await pullAt(alice, backedUp)).toMatchObject({ changes: [] });
    const copy = fx.cluster.backupFiles();
    await alice.push({ ...batch(put('annotation', 'r2', null, annotationData())), epoch: backedUp.epoch });
    const seen = await pullAt(alice, backedUp);
    expect(seen.changes.map((c) => c.id)).toEqual(['r2']);

    fx.cluster.restoreFiles(copy);
    // bob never saw r2: his writes go on in the restored history, across a server restart
    const at = { epoch: backedUp.epoch, at: { cursor: backedUp.cursor, token: backedUp.cursorToken } };
    const s1 = await bob.push({ ...batch(put('annotation', 's1', null, annotationData())), ...at });
    expect(s1.json.version).toBe(seen.cursor);
    fx.cluster.restart();
    const s2 = await bob.push({
      ...batch(put('annotation', 's2', null, annotationData())),
      epoch: backedUp.epoch,
      at: { cursor: s1.json.version, token: s1.json.versionToken },
    });
    expect(s2.json.results[0]!.status).toBe('accepted');

    const after = await pullAt(alice, seen);
    expect(after.epoch).not.toBe(backedUp.epoch);
    // where the restore went back to, not the version written before the last start (s1's)
    expect(after.epochSince).toBe(backedUp.cursor);
    const all = (await alice.pull(0)).json;
    expect(all.changes.map((c) => c.id).sort()).toEqual(['r1', 's1', 's2']);
  }, 90_000);

  it("finds the restore's own start when PostgreSQL also started before the backup", async () => {
    const dana = await fx.join('两次启动', 'editor', '郑一');
    await dana.push(batch(put('annotation', 'k1', null, annotationData())));
    const first = (await dana.pull(0)).json;
    // a start the backup holds, above the last cursor the hub noted for dana (0): 005 took it
    fx.cluster.restart();
    await dana.push({ ...batch(put('annotation', 'k2', null, annotationData())), epoch: first.epoch });
    const backedUp = (await dana.pull(0)).json.version;
    const copy = fx.cluster.backupFiles();
    await dana.push({ ...batch(put('annotation', 'k3', null, annotationData())), epoch: first.epoch });
    const seen = await pullAt(dana, first);
    expect(seen.changes.map((c) => c.id)).toEqual(['k2', 'k3']);
    fx.cluster.restoreFiles(copy);

    const after = await pullAt(dana, seen);
    expect(after.epoch).not.toBe(first.epoch);
    // the first start after k3 was written: the restore's, at the version it found
    expect(after.epochSince).toBe(backedUp);
    expect(backedUp).toBeGreaterThan(first.cursor);
  }, 90_000);

  it("notices a cursor above the hub's version at once, before anyone writes", async () => {
    const carol = await fx.join('回退', 'editor', '孙八');
    await carol.push(batch(put('annotation', 'h1', null, annotationData())));
    const backedUp = (await carol.pull(0)).json;
    const copy = fx.cluster.backupFiles();
    await carol.push(batch(put('annotation', 'h2', null, annotationData())));
    const seen = await pullAt(carol, backedUp);
    fx.cluster.restoreFiles(copy);
    const after = await pullAt(carol, seen);
    expect(after.epoch).not.toBe(backedUp.epoch);
    expect(after.epochSince).toBe(backedUp.cursor);
    expect(after.changes).toEqual([]);
    // the epoch is renewed once: the same old cursor again, or a cursor of the new epoch, changes nothing
    expect((await pullAt(carol, seen)).epoch).toBe(after.epoch);
    expect((await pullAt(carol, after)).epoch).toBe(after.epoch);
  }, 90_000);
});
