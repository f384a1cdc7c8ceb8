import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { describePg } from '../../helpers/pg-cluster';
import type { PullResponse } from '../../../shared/team/protocol';
import { annotationData, batch, put, useHub, type HubMember } from './hub-fixture';

/**
 * Only the hub may start a new epoch (issue 14): a cursor token counts as evidence of a restore
 * only when the hub sealed it for that library, epoch and version, so a member (a reader above
 * all) cannot make every desktop pull from 0 and offer everything again by making one up.
 */
describePg('team hub: a member cannot start an epoch', () => {
  const fx = useHub('hub_epoch_guard');

  const pullAt = (m: HubMember, at: { cursor: number; epoch?: string; token?: string }) =>
    m.call<PullResponse>(
      'GET',
      `/v1/pull?since=${at.cursor}&limit=1000&epoch=${at.epoch}` + (at.token ? `&token=${at.token}` : ''),
    );
  /** A made-up seal: the shape the hub hands out, signed by nobody. */
  const forged = () => `${crypto.randomUUID()}.${crypto.randomBytes(32).toString('base64url')}`;

  /** A library with two versions, as `m` sees it after pulling it all. */
  async function twoVersions(library: string, m: HubMember, writer: HubMember) {
    await writer.push(batch(put('annotation', `${library}-1`, null, annotationData())));
    await writer.push(batch(put('annotation', `${library}-2`, null, annotationData())));
    const seen = (await m.pull(0)).json;
    expect(seen.cursor).toBe(2);
    expect(seen.cursorToken).toMatch(/^[0-9a-f-]{36}\.[0-9a-z]{1,13}\.[A-Za-z0-9_-]{43}$/);
    return seen;
  }

  it('refuses a reader a made-up token for a version the hub has, and starts no epoch', async () => {
    const editor = await fx.join('只读一', 'editor');
    const reader = await fx.join('只读一', 'reader');
    const seen = await twoVersions('r1', reader, editor);
    const refused = await pullAt(reader, { cursor: 1, epoch: seen.epoch, token: forged() });
    expect(refused.status).toBe(403);
    expect(refused.json.error?.code).toBe('bad-cursor');
    // a real token moved to another version is no better
    const moved = await pullAt(reader, { cursor: 1, epoch: seen.epoch, token: seen.cursorToken });
    expect(moved.json.error?.code).toBe('bad-cursor');
    // a bare token (as handed out before sealing) is judged by nothing, and answered with a sealed one
    const bare = await pullAt(reader, { cursor: 1, epoch: seen.epoch, token: crypto.randomUUID() });
    expect(bare.status).toBe(200);
    expect(bare.json).toMatchObject({ epoch: seen.epoch, cursor: 2 });
    expect(bare.json.cursorToken).toBe(seen.cursorToken);
    expect((await editor.pull(0)).json.epoch).toBe(seen.epoch);
  }, 60_000);

  it("refuses a reader a cursor above the hub's version, sealed or not, and starts no epoch", async () => {
    const editor = await fx.join('只读二', 'editor');
    const reader = await fx.join('只读二', 'reader');
    const seen = await twoVersions('r2', reader, editor);
    for (const token of [forged(), seen.cursorToken!]) {
      const above = await pullAt(reader, { cursor: 99, epoch: seen.epoch, token });
      expect(above.status).toBe(403);
      expect(above.json.error?.code).toBe('bad-cursor');
    }
    const bare = await pullAt(reader, { cursor: 99, epoch: seen.epoch, token: crypto.randomUUID() });
    expect(bare.json).toMatchObject({ epoch: seen.epoch, changes: [] });
    expect((await editor.pull(0)).json.epoch).toBe(seen.epoch);
  }, 60_000);

  it('refuses an editor a made-up `at` on push: nothing applied, no epoch', async () => {
    const editor = await fx.join('编辑', 'editor');
    const seen = await twoVersions('e1', editor, editor);
    for (const at of [
      { cursor: 1, token: forged() },
      { cursor: 99, token: seen.cursorToken! },
    ]) {
      const refused = await editor.push({
        ...batch(put('annotation', 'e1-x', null, annotationData())),
        epoch: seen.epoch,
        at,
      });
      expect(refused.status).toBe(403);
      expect(refused.json.error?.code).toBe('bad-cursor');
    }
    const after = (await editor.pull(0)).json;
    expect(after.epoch).toBe(seen.epoch);
    expect(after.changes.map((c) => c.id)).toEqual(['e1-1', 'e1-2']);
    const bare = await editor.push({
      ...batch(put('annotation', 'e1-x', null, annotationData())),
      epoch: seen.epoch,
      at: { cursor: 99, token: crypto.randomUUID() },
    });
    expect(bare.json).toMatchObject({ epoch: seen.epoch, version: 3 });
    expect(bare.json.results[0]!.status).toBe('accepted');
  }, 60_000);

  it("starts one epoch on a real restore, and the lost history's token cannot start another", async () => {
    const alice = await fx.join('恢复后', 'editor');
    const reader = await fx.join('恢复后', 'reader');
    await alice.push(batch(put('annotation', 'k1', null, annotationData())));
    const copy = fx.cluster.backupFiles();
    await alice.push(batch(put('annotation', 'k2', null, annotationData())));
    const lost = (await reader.pull(0)).json;
    fx.cluster.restoreFiles(copy);
    const after = (await pullAt(reader, { cursor: lost.cursor, epoch: lost.epoch, token: lost.cursorToken }))
      .json;
    expect(after.epoch).not.toBe(lost.epoch);
    // the sealed token of the lost history, offered as the new epoch's: its seal names the old one
    await alice.push({ ...batch(put('annotation', 'k3', null, annotationData())), epoch: after.epoch });
    const replay = await pullAt(reader, { cursor: lost.cursor, epoch: after.epoch, token: lost.cursorToken });
    expect(replay.json.error?.code).toBe('bad-cursor');
    expect((await alice.pull(0)).json.epoch).toBe(after.epoch);
  }, 90_000);
});
