import type { Locale } from '../../../shared/ipc/errors';
import { formatError } from '../../../shared/ipc/errors';
import { isChannel } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import type { Core } from '../core/app-core';
import { AppError } from '../kernel/app-error';

export type { Handler, Handlers } from '../kernel/api';

export interface DispatchOptions {
  locale?: Locale;
  /** Where unexpected errors go (the main log); the renderer only hears that something failed. */
  logError?: (channel: string, error: unknown) => void;
}

/**
 * The envelope around `core.call` for an untrusted caller (the window, the test bridge): the
 * value, or the error as a contract code and a localised message. Never throws; an unexpected
 * error is logged and answered as `internal`, without its text (which may name files).
 */
export async function dispatch(
  core: Pick<Core, 'call'>,
  channel: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  const locale = options.locale ?? 'zh-CN';
  // Only the IPC contract: the core's local channels name files, which the renderer never does.
  if (!isChannel(channel)) {
    const name = typeof channel === 'string' ? channel.slice(0, 100) : typeof channel;
    return {
      ok: false,
      error: { code: 'unknown_channel', message: formatError('unknown_channel', { channel: name }, locale) },
    };
  }
  try {
    return { ok: true, value: await core.call(channel as never, payload as never) };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.localized(locale),
          ...(error.details ? { details: error.details } : {}),
        },
      };
    }
    options.logError?.(typeof channel === 'string' ? channel.slice(0, 100) : typeof channel, error);
    return { ok: false, error: { code: 'internal', message: formatError('internal', {}, locale) } };
  }
}
