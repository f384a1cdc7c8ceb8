/**
 * `yandu hub init|serve|invite|members`: set up and run a department's team hub on PostgreSQL.
 * `--db` here is a PostgreSQL connection string (else $YANDU_HUB_DB), never a library file.
 * The hub (and `pg`) load on first use, so other commands do not pay for them.
 */
import { TEAM_ROLES, type TeamRole } from '../../../shared/team/protocol';
import { UsageError, writeJson, type CliCommand, type CommandContext } from '../command';

function databaseUrl(ctx: CommandContext): string {
  const url = (ctx.values.db as string | undefined) ?? process.env.YANDU_HUB_DB;
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    throw new UsageError('--db postgres://user:password@host/database (or YANDU_HUB_DB) is required');
  return url;
}

function required(ctx: CommandContext, option: string): string {
  const value = ctx.values[option];
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`--${option} is required`);
  return value.trim();
}

function count(ctx: CommandContext, option: string, min: number, max: number): number | undefined {
  const value = ctx.values[option];
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`--${option} expects a whole number ${min}–${max}`);
  return n;
}

function role(ctx: CommandContext, fallback?: TeamRole): TeamRole {
  const value = ctx.values.role ?? fallback;
  if (!(TEAM_ROLES as readonly unknown[]).includes(value))
    throw new UsageError('--role is reader, editor or owner');
  return value as TeamRole;
}

/** `--key-file` (else $YANDU_HUB_KEY_FILE, else the config folder's `yandu/hub.key`). */
async function keyFile(ctx: CommandContext): Promise<string> {
  const value = ctx.values['key-file'];
  if (value !== undefined && (typeof value !== 'string' || !value.trim()))
    throw new UsageError('--key-file expects a path');
  return typeof value === 'string' ? value : (await loadHub()).defaultKeyFile();
}

const ROLE_NAMES: Record<TeamRole, string> = { owner: '管理员', editor: '编辑', reader: '只读' };

const loadHub = () => import('../../hub');

async function init(ctx: CommandContext): Promise<number> {
  const { initHub, keyFingerprint, loadServiceKey } = await loadHub();
  const url = databaseUrl(ctx);
  const options = {
    library: required(ctx, 'library'),
    owner: required(ctx, 'owner'),
    days: count(ctx, 'days', 1, 365),
  };
  // the key sealing cursor tokens: made here (kept if there), never in the database it guards
  const file = await keyFile(ctx);
  const fingerprint = keyFingerprint(loadServiceKey(file));
  const result = { ...(await initHub(url, options)), keyFile: file, keyFingerprint: fingerprint };
  if (ctx.values.json) writeJson(ctx.stdout, result);
  else
    ctx.stdout.write(
      `${result.created ? '已创建' : '已存在'}团队库「${result.library.name}」\n` +
        `服务密钥：${file}（指纹 ${fingerprint}；每个 hub serve 都须读同一个；不在数据库里，备份时另存）\n` +
        `${result.invitation.label} 的管理员邀请码（${result.invitation.expiresAt} 前有效，仅一次）：\n${result.invitation.code}\n`,
    );
  return 0;
}

async function invite(ctx: CommandContext): Promise<number> {
  const { inviteMember } = await loadHub();
  const invitation = await inviteMember(databaseUrl(ctx), {
    library: required(ctx, 'library'),
    role: role(ctx, 'editor'),
    uses: count(ctx, 'uses', 1, 1000),
    days: count(ctx, 'days', 1, 365),
    label: typeof ctx.values.label === 'string' ? ctx.values.label : '',
    member: typeof ctx.values['device-for'] === 'string' ? ctx.values['device-for'] : undefined,
  });
  if (ctx.values.json) writeJson(ctx.stdout, invitation);
  else
    ctx.stdout.write(
      `「${invitation.library.name}」${ROLE_NAMES[invitation.role]}邀请码（可用 ${invitation.uses} 次，${invitation.expiresAt} 前有效）：\n${invitation.code}\n`,
    );
  return 0;
}

async function members(ctx: CommandContext): Promise<number> {
  const url = databaseUrl(ctx);
  const { changeMember, listMembers, resetMemberPassword, withHubPool } = await loadHub();
  const memberId = ctx.values['pg-password'];
  if (typeof memberId === 'string') {
    const credentials = await withHubPool(url, (pool) => resetMemberPassword(pool, memberId));
    if (ctx.values.json) writeJson(ctx.stdout, { memberId, ...credentials });
    else
      ctx.stdout.write(
        `PostgreSQL 用户 ${credentials.user}\n新密码（只显示这一次）：${credentials.password}\n`,
      );
    return 0;
  }
  const library = required(ctx, 'library');
  const { remove, 'set-role': setRole } = ctx.values;
  if (typeof remove === 'string' || typeof setRole === 'string')
    await withHubPool(url, (pool) =>
      typeof remove === 'string'
        ? changeMember(pool, library, remove, null)
        : changeMember(pool, library, setRole as string, role(ctx)),
    );
  const rows = await withHubPool(url, (pool) => listMembers(pool, library));
  if (ctx.values.json) writeJson(ctx.stdout, rows);
  else
    for (const m of rows)
      ctx.stdout.write(`${m.id}\t${m.name}\t${ROLE_NAMES[m.role]}\t${m.devices} 台设备\t${m.joinedAt}\n`);
  return 0;
}

/** Serves until SIGINT/SIGTERM, then lets requests in flight finish and closes the pool. */
async function serve(ctx: CommandContext): Promise<number> {
  const host = typeof ctx.values.host === 'string' ? ctx.values.host : '127.0.0.1';
  const { startHub } = await loadHub();
  const hub = await startHub({
    databaseUrl: databaseUrl(ctx),
    port: count(ctx, 'port', 0, 65535) ?? 8787,
    host,
    keyFile: await keyFile(ctx),
    log: (line) => ctx.stderr.write(`${new Date().toISOString()} ${line}\n`),
  });
  if (ctx.values.json) writeJson(ctx.stdout, { url: hub.url, port: hub.port });
  else ctx.stdout.write(`团队库服务已启动：${hub.url}（Ctrl+C 停止）\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  ctx.stderr.write(`${new Date().toISOString()} hub: ${signal}, stopping\n`);
  await hub.close();
  ctx.stderr.write(`${new Date().toISOString()} hub: stopped\n`);
  return 0;
}

const SUBCOMMANDS: Record<string, (ctx: CommandContext) => Promise<number>> = {
  init,
  serve,
  invite,
  members,
};

export const hubCommand: CliCommand = {
  name: 'hub',
  usage:
    'hub init --db postgres://… --library NAME --owner NAME [--days N] [--key-file PATH] | ' +
    'hub serve --db … [--port 8787] [--host 127.0.0.1] [--key-file PATH] | ' +
    'hub invite --db … --library NAME [--role reader|editor|owner | --device-for MEMBER_ID] [--uses N] [--days N] [--label TEXT] | ' +
    'hub members --db … --library NAME [--set-role MEMBER_ID --role R | --remove MEMBER_ID | --pg-password MEMBER_ID]   (all take --json)',
  summary: 'Set up and run a team hub on PostgreSQL: a library, invitations, members, the sync service.',
  options: {
    library: { type: 'string' },
    owner: { type: 'string' },
    role: { type: 'string' },
    uses: { type: 'string' },
    days: { type: 'string' },
    label: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'pg-password': { type: 'string' },
    'set-role': { type: 'string' },
    'device-for': { type: 'string' },
    remove: { type: 'string' },
    'key-file': { type: 'string' },
  },
  async run(ctx) {
    const [sub, ...extra] = ctx.args;
    const handler = sub ? SUBCOMMANDS[sub] : undefined;
    if (!handler || extra.length) throw new UsageError('expects one of: init, serve, invite, members');
    try {
      return await handler(ctx);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      // unreachable database, wrong password, unknown library: one line, exit 1
      const message = error instanceof Error ? error.message : String(error);
      ctx.stderr.write(`yandu hub ${sub}: ${message}\n`);
      return 1;
    }
  },
};
