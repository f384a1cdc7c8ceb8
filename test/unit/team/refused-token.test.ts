import crypto from 'node:crypto';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createInvitation, ensureLibrary } from '../../../electron/hub';
import { createCore } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { HubClient } from '../../../electron/main/team/hub-client';
import { sendBatch } from '../../../electron/main/team/refused-token';
import { currentEpoch } from '../../../electron/main/team/restores';
import { fileSecretStore } from '../../../electron/main/team/secret-store';
import { getCursor, getPendingPush, setCursor } from '../../../electron/main/team/team-store';
import { TeamService } from '../../../electron/main/team/team-service';
import { describePg } from '../../helpers/pg-cluster';
import { useTeamHub } from './team-hub-fixture';

/**
 * A desktop holding a cursor token its hub no longer accepts (the hub's key file was replaced)
 * must not be stuck: it drops the token, keeps its cursor and syncs on, and a stored batch that
 * carries the token is sent again without it.
 */
const HULI = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');
/** A token sealed by some other key: the shape the hub hands out, a seal it never made. */
const otherSeal = () => `${crypto.randomUUID()}.${crypto.randomBytes(32).toString('base64url')}`;

describePg('team sync: a cursor token the hub refuses', () => {
  const f = useTeamHub('refused-token');
  beforeAll(() => ensureLibrary(f.pool, '换钥'));

  it('is dropped on pull and on a stored push, and the sync goes on from the same cursor', async () => {
    const secrets = fileSecretStore(path.join(f.tmp, 'token'));
    const core = createCore({ databasePath: path.join(f.tmp, 'a.db'), teamSecrets: secrets });
    try {
      const { db } = core.ctx;
      const team = new TeamService(core.ctx, { secrets, inlineParse: true });
      const { code } = await createInvitation(f.pool, { library: '换钥', role: 'editor' });
      await team.join({ hubUrl: f.hub.url, code, memberName: '张三' });
      await importFiles(core.ctx, [HULI], { inline: true });
      expect((await team.sync()).pushed.accepted).toBe(1);
      const synced = getCursor(db);
      expect(synced.token).toMatch(/\./);

      setCursor(db, synced.cursor, otherSeal());
      const report = await team.sync();
      expect(report.pulled.pulled).toBe(0);
      expect(getCursor(db)).toEqual(synced);

      // a batch stored before the token was refused: the same batch id, sent again without `at`
      const hub = new HubClient({ url: f.hub.url, token: secrets.get() ?? undefined });
      const batchId = crypto.randomUUID();
      const change = { kind: 'annotation', id: 'x1', op: 'delete', baseVersion: null, data: null };
      const at = { cursor: synced.cursor, token: otherSeal() };
      const body = JSON.stringify({ batchId, changes: [change], epoch: currentEpoch(db), at });
      const answer = await sendBatch(db, hub, { batchId, body, seqs: [] });
      expect(answer.results).toHaveLength(1);
      expect(answer.stale).toBeUndefined();
      expect(JSON.parse(getPendingPush(db)!.body)).toEqual({
        batchId,
        changes: [change],
        epoch: currentEpoch(db),
      });
    } finally {
      core.close();
    }
  }, 60_000);
});
