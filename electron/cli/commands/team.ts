import type { TeamConflictView, TeamStatusView } from '../../../shared/ipc/channels/team';
import { TEAM_KINDS, type TeamKind } from '../../../shared/team/protocol';
import { UsageError, writeJson, type CliCommand, type CommandContext } from '../command';

/**
 * `yandu team join|status|sync|conflicts|leave`: this library as a member of a department hub.
 * `--json` field names are contract (add, never rename).
 */
const USAGE = `team join <hubUrl> <code> --name NAME [--device NAME] | team status | team sync
  | team conflicts [--all] [--resolve ID --keep local|remote] [--resolve-all --keep local|remote [--kind K]]
  | team leave  [--db PATH] [--json]`;

function statusJson(s: TeamStatusView) {
  return {
    joined: s.joined,
    hubUrl: s.hubUrl,
    library: s.library,
    member: s.member,
    online: s.online,
    members: s.members,
    cursor: s.cursor,
    hubVersion: s.hubVersion,
    pending: s.pending,
    conflicts: s.conflicts,
    lastSync: s.lastSync,
    lastError: s.lastError,
    restores: s.restores,
    lastSyncReplaced: s.lastSyncReplaced,
  };
}

function printStatus(ctx: CommandContext, s: TeamStatusView): void {
  if (!s.joined) {
    ctx.stdout.write('not in a team (yandu team join <hubUrl> <code> --name NAME)\n');
    return;
  }
  const online = s.online === null ? '' : s.online ? ' (online)' : ' (offline)';
  ctx.stdout.write(`hub\t${s.hubUrl}${online}\n`);
  ctx.stdout.write(
    `library\t${s.library?.name ?? ''}\nmember\t${s.member?.name ?? ''} (${s.member?.role ?? ''})\n`,
  );
  ctx.stdout.write(`last sync\t${s.lastSync ?? 'never'}\npending\t${s.pending}\nconflicts\t${s.conflicts}\n`);
  if (s.lastSyncReplaced)
    ctx.stdout.write(`new editions\t${s.lastSyncReplaced} (replaced in the last sync)\n`);
  if (s.lastError) ctx.stdout.write(`last error\t${s.lastError}\n`);
  if (s.restores.hub)
    ctx.stdout.write(`hub restored\t${s.restores.hub.at} (back to version ${s.restores.hub.since})\n`);
  if (s.restores.library)
    ctx.stdout.write(`library restored\t${s.restores.library.at} (cursor ${s.restores.library.cursor})\n`);
  for (const m of s.members) ctx.stdout.write(`  ${m.name}\t${m.role}\n`);
}

function printConflict(ctx: CommandContext, c: TeamConflictView): void {
  const kept = c.resolved ? `\tkept ${c.resolution}` : '';
  ctx.stdout.write(`${c.id}\t${c.kind}\t${c.objectId}\t${c.reason}\t${c.fields.join(',')}${kept}\n`);
}

/** `--resolve-all --keep local|remote [--kind K]`: the same choice over every open conflict (of kind K). */
async function resolveAll(ctx: CommandContext, keep: unknown): Promise<number> {
  if (keep !== 'local' && keep !== 'remote') throw new UsageError('--resolve-all needs --keep local|remote');
  const kind = ctx.values.kind;
  if (kind !== undefined && !(TEAM_KINDS as readonly unknown[]).includes(kind))
    throw new UsageError(`--kind is one of ${TEAM_KINDS.join(', ')}`);
  const done = await ctx.call('team:resolve-all', {
    keep,
    ...(kind !== undefined ? { kind: kind as TeamKind } : {}),
  });
  if (ctx.values.json) writeJson(ctx.stdout, done);
  else {
    ctx.stdout.write(`resolved ${done.resolved}: kept ${done.keep}; still open ${done.open}\n`);
    for (const f of done.failed) ctx.stdout.write(`${f.id}\tnot resolved: ${f.message}\n`);
  }
  return done.failed.length ? 1 : 0;
}

async function conflicts(ctx: CommandContext): Promise<number> {
  const { resolve, keep } = ctx.values;
  if (ctx.values['resolve-all'] === true) {
    if (resolve !== undefined) throw new UsageError('--resolve and --resolve-all do not go together');
    return resolveAll(ctx, keep);
  }
  if (ctx.values.kind !== undefined) throw new UsageError('--kind goes with --resolve-all');
  if (resolve !== undefined) {
    if (keep !== 'local' && keep !== 'remote') throw new UsageError('--resolve needs --keep local|remote');
    const id = Number(resolve);
    if (!Number.isInteger(id) || id < 1) throw new UsageError('--resolve takes a conflict id');
    const done = await ctx.call('team:resolve', { id, keep });
    if (ctx.values.json) writeJson(ctx.stdout, done);
    else ctx.stdout.write(`${done.id}\tresolved: kept ${done.resolution}\n`);
    return 0;
  }
  if (keep !== undefined) throw new UsageError('--keep goes with --resolve or --resolve-all');
  const list = await ctx.call('team:conflicts', { all: ctx.values.all === true });
  if (ctx.values.json) writeJson(ctx.stdout, list);
  else for (const c of list) printConflict(ctx, c);
  return 0;
}

export const teamCommand: CliCommand = {
  name: 'team',
  usage: USAGE,
  summary: 'Share this library through a department hub: join, sync, status, conflicts, leave.',
  options: {
    name: { type: 'string' },
    device: { type: 'string' },
    all: { type: 'boolean' },
    resolve: { type: 'string' },
    'resolve-all': { type: 'boolean' },
    kind: { type: 'string' },
    keep: { type: 'string' },
  },
  async run(ctx) {
    const [sub, ...args] = ctx.args;
    const json = ctx.values.json === true;
    switch (sub) {
      case 'join': {
        const [hubUrl, code] = args;
        if (!hubUrl || !code || args.length > 2) throw new UsageError('join expects <hubUrl> <code>');
        if (typeof ctx.values.name !== 'string') throw new UsageError('join needs --name NAME');
        if (!/^https?:\/\//.test(hubUrl))
          throw new UsageError('the hub address starts with http:// or https://');
        const device = ctx.values.device;
        const s = await ctx.call('team:join', {
          hubUrl,
          code,
          memberName: ctx.values.name,
          ...(typeof device === 'string' ? { deviceName: device } : {}),
        });
        if (json) writeJson(ctx.stdout, statusJson(s));
        else printStatus(ctx, s);
        return 0;
      }
      case 'status': {
        const s = await ctx.call('team:status', {});
        if (json) writeJson(ctx.stdout, statusJson(s));
        else printStatus(ctx, s);
        return 0;
      }
      case 'sync': {
        const out = await ctx.call('team:sync', {});
        if (json) writeJson(ctx.stdout, out);
        else
          ctx.stdout.write(
            `pushed ${out.pushed} (accepted ${out.accepted}), pulled ${out.pulled}` +
              `${out.replaced ? `, ${out.replaced} new editions` : ''}, open conflicts ${out.conflicts}\n`,
          );
        return 0;
      }
      case 'conflicts':
        return conflicts(ctx);
      case 'leave': {
        await ctx.call('team:leave', {});
        if (json) writeJson(ctx.stdout, { left: true });
        else ctx.stdout.write('left the team; the library stays as it is\n');
        return 0;
      }
      default:
        throw new UsageError('expects join, status, sync, conflicts or leave');
    }
  },
};
