import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createInvitation, ensureLibrary } from '../../../electron/hub';
import { createCore } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { fileSecretStore } from '../../../electron/main/team/secret-store';
import { TeamService } from '../../../electron/main/team/team-service';
import type { TeamSyncProgress } from '../../../shared/ipc/channels/team';
import { eventNames } from '../../../shared/ipc/events';
import { describePg } from '../../helpers/pg-cluster';
import { useTeamHub } from './team-hub-fixture';

/**
 * The 团队 screen hears how a sync goes from 'team:progress' events (pushed to the renderer like
 * import progress) instead of asking for the status twice a second.
 */
const HULI = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');

describePg('team sync progress events', () => {
  const f = useTeamHub('team-progress');
  beforeAll(() => ensureLibrary(f.pool, '进度'));

  it('are on the renderer allowlist and follow the sync: pull, push, done with the count sent', async () => {
    expect(eventNames).toContain('team:progress');
    const secrets = fileSecretStore(path.join(f.tmp, 'token'));
    const core = createCore({ databasePath: path.join(f.tmp, 'a.db'), teamSecrets: secrets });
    try {
      const team = new TeamService(core.ctx, { secrets, inlineParse: true });
      const { code } = await createInvitation(f.pool, { library: '进度', role: 'editor' });
      await team.join({ hubUrl: f.hub.url, code, memberName: '张三' });
      await importFiles(core.ctx, [HULI], { inline: true });
      const seen: TeamSyncProgress[] = [];
      const off = core.ctx.events.on('team:progress', (p) => seen.push({ ...p }));
      const report = await team.sync();
      off();
      expect(report.pushed.accepted).toBe(1);
      expect(seen.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1])).toEqual([
        'pull',
        'push',
        'done',
      ]);
      expect(seen.at(-1)).toMatchObject({ phase: 'done', pushed: 1 });
      expect(team.progress).toBeNull();
    } finally {
      core.close();
    }
  }, 60_000);
});
