import { recentAnnotations } from './local-read';
import { conflictViews, countOpenConflicts } from './conflict-store';
import { keepRemovedWithDocument } from './document-removal';
import { settleReanchored } from './editions';
import { applyWaiting } from './pull';
import { teamMember } from './team-store';
import { recordPassageMoves } from './passage-moves-store';
import type { Handlers } from '../kernel/api';
import type { CoreContext } from '../kernel/context';
import { TeamService } from './team-service';
import { defaultTokenFile, fileSecretStore } from './secret-store';
import type { Domain } from '../kernel/domain';
import { getAuthor } from '../store/settings';

type TeamChannel =
  | 'team:status'
  | 'team:join'
  | 'team:sync'
  | 'team:conflicts'
  | 'team:resolve'
  | 'team:resolve-all'
  | 'team:annotations'
  | 'team:leave';

/** The team library sync (issue 14): the 团队 screen's channels over the per-library team service. */
export const teamDomain: Domain<TeamChannel> = {
  name: 'team',
  handlers: (ctx) => teamHandlers(ctx, () => teamServiceFor(ctx)),
  // last in the core's list, so after the other domains re-anchored (see editions.ts)
  onReplace: (ctx, documentId, alignment) => {
    recordPassageMoves(ctx.db, alignment);
    settleReanchored(ctx.db, documentId);
  },
  // after the annotations domain kept its set (see document-removal.ts)
  onDelete: (ctx, documentId) => keepRemovedWithDocument(ctx.db, documentId),
  listeners: {
    // a document back in the library (imported again here, or from the hub) takes back at once
    // what waited for it, offline too, instead of at the next sync
    'library:changed': (ctx) => {
      if (teamMember(ctx.db)) applyWaiting(ctx.db);
    },
  },
};

/**
 * The library's team service, a per-library instance: a restore stops it with the others and the
 * next use makes it anew. The hub token lives where the shell said (the OS keychain), else in a
 * 0600 file beside the library.
 */
export function teamServiceFor(ctx: CoreContext): TeamService {
  return ctx.instances.get('team', () => {
    const secrets = ctx.platform.teamSecrets ?? fileSecretStore(defaultTokenFile(ctx.databasePath));
    return new TeamService(ctx, { secrets });
  });
}

// The shell's background sync and keychain store, and the service type, for the shell and the root.
export { startTeamAutoSync } from './auto-sync';
export { defaultTokenFile, encryptedSecretStore } from './secret-store';
export type { TeamService } from './team-service';

/** The 团队 screen: pure adapters onto the core's team service (the hub token never reaches the renderer). */
function teamHandlers(ctx: CoreContext, team: () => TeamService): Pick<Handlers, TeamChannel> {
  const status = async (ask: boolean) => ({ ...(await team().status(ask)), syncing: team().progress });
  return {
    'team:status': () => status(true),
    'team:join': async (r) => {
      await team().join({
        hubUrl: r.hubUrl,
        code: r.code,
        memberName: r.memberName,
        deviceName: r.deviceName,
      });
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
        replaced: r.pulled.replaced,
        conflicts: r.conflicts,
        pending: r.pending,
        cursor: r.pulled.cursor,
        hubVersion: r.pulled.version,
      };
    },
    'team:conflicts': (r) => conflictViews(ctx.db, team().conflicts(r.all ?? false)),
    'team:resolve': async (r) => conflictViews(ctx.db, [await team().resolve(r.id, r.keep)])[0]!,
    'team:resolve-all': async (r) => {
      const done = await team().resolveAll(r.keep, { kind: r.kind, ids: r.ids });
      return {
        keep: r.keep,
        kind: r.kind ?? null,
        resolved: done.resolved.length,
        resolvedIds: done.resolved,
        failed: done.failed,
        open: countOpenConflicts(ctx.db),
      };
    },
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
