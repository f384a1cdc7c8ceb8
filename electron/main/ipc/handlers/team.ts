import { getAuthor } from '../../annotations/service';
import { recentAnnotations } from '../../team/local-read';
import { conflictView } from '../../team/conflict-store';
import type { Handlers } from '../../kernel/api';
import type { CoreContext } from '../../kernel/context';
import type { TeamService } from '../../team/team-service';

type TeamHandlers = Pick<
  Handlers,
  | 'team:status'
  | 'team:join'
  | 'team:sync'
  | 'team:conflicts'
  | 'team:resolve'
  | 'team:annotations'
  | 'team:leave'
>;

/** The 团队 screen: pure adapters onto the core's team service (the hub token never reaches the renderer). */
export function teamHandlers(ctx: CoreContext, team: () => TeamService): TeamHandlers {
  const status = async (ask: boolean) => ({ ...(await team().status(ask)), syncing: team().progress });
  return {
    'team:status': () => status(true),
    'team:join': async (r) => {
      await team().join({ hubUrl: r.hubUrl, code: r.code, memberName: r.memberName, deviceName: r.deviceName });
      return status(true);
    },
    'team:sync': async () => {
      const r = await team().sync();
      return {
        pushed: r.pushed.sent,
        accepted: r.pushed.accepted,
        rejected: r.pushed.rejected,
        pulled: r.pulled.pulled,
        documents: r.pulled.documents,
        conflicts: r.conflicts,
        pending: r.pending,
        cursor: r.pulled.cursor,
        hubVersion: r.pulled.version,
      };
    },
    'team:conflicts': (r) =>
      team()
        .conflicts(r.all ?? false)
        .map(conflictView),
    'team:resolve': (r) => conflictView(team().resolve(r.id, r.keep)),
    'team:annotations': (r) =>
      recentAnnotations(ctx.db, {
        author: r.mine ? getAuthor(ctx.db) : undefined,
        limit: r.limit ?? 100,
      }),
    'team:leave': () => {
      team().leave();
      return { left: true as const };
    },
  };
}
