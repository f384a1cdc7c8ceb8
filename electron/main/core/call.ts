import { coreContract, isCoreChannel, type CoreChannel } from '../../../shared/ipc/contract';
import type { Handlers } from '../kernel/api';
import { AppError } from '../kernel/app-error';
import type { CoreContext } from '../kernel/context';
import { isReadOnlyError } from '../store/database';
import { isCompacting } from '../store/compaction';
import { channelAccess } from './channel-access';

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export interface CallRules {
  /**
   * Before a write: wait while another program holds the library's write lock (the CLI says so on
   * stderr and gives up with `library_busy`). The window does not wait: SQLite's busy timeout holds.
   */
  whenWritable?: (channel: CoreChannel) => Promise<void>;
}

/**
 * The core's one front door, whoever knocks (IPC, CLI, test bridge, bench): the channel must be in
 * the contract, the request must pass its schema (so the same limits hold through every door), a
 * write is refused on a read-only library and waits for the write lock where the caller asked,
 * then the handler answers. Errors are thrown (`AppError` for the user); IPC wraps them.
 */
export async function callChannel(
  api: Handlers,
  ctx: CoreContext,
  rules: CallRules,
  channel: unknown,
  request: unknown,
): Promise<unknown> {
  if (!isCoreChannel(channel)) {
    const name = typeof channel === 'string' ? channel.slice(0, 100) : typeof channel;
    throw new AppError('unknown_channel', { channel: name });
  }
  const parsed = coreContract[channel].request.safeParse(request ?? {});
  if (!parsed.success) {
    // Issues can quote what was sent (an unknown key of any length): each is cut short.
    const reason = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${cut(issue.path.join('.') || '(root)', 60)}: ${cut(issue.message, 160)}`)
      .join('; ');
    throw new AppError('invalid_request', { reason });
  }
  if (channelAccess[channel] === 'write') {
    if (ctx.db.readonly) throw new AppError('library_read_only');
    // The compaction's copy would not have it: refused at once rather than lost or left waiting.
    if (isCompacting(ctx.databasePath)) throw new AppError('library_compacting');
    await rules.whenWritable?.(channel);
  }
  try {
    return await (api[channel] as (request: unknown) => unknown)(parsed.data);
  } catch (error) {
    throw isReadOnlyError(error) ? new AppError('library_read_only') : error;
  }
}
