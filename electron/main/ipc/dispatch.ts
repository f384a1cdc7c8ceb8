import {
  contract,
  isChannel,
  type Channel,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/ipc/contract';
import type { Locale } from '../../../shared/ipc/errors';
import { formatError } from '../../../shared/ipc/errors';
import type { Result } from '../../../shared/ipc/result';
import { AppError } from '../core/app-error';
import { isReadOnlyError } from '../store/database';

export type Handler<C extends Channel> = (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface DispatchOptions {
  locale?: Locale;
  /** Where unexpected errors go (the main log); the renderer only hears that something failed. */
  logError?: (channel: string, error: unknown) => void;
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * The one path from an untrusted caller to a handler: known channel, request valid against the
 * contract's schema, handler result or error wrapped in the envelope. Never throws.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  const locale = options.locale ?? 'zh-CN';
  if (!isChannel(channel)) {
    const name = typeof channel === 'string' ? channel.slice(0, 100) : typeof channel;
    return {
      ok: false,
      error: { code: 'unknown_channel', message: formatError('unknown_channel', { channel: name }, locale) },
    };
  }
  const parsed = contract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    // Issues can quote what was sent (an unknown key of any length): each is cut short.
    const reason = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${cut(issue.path.join('.') || '(root)', 60)}: ${cut(issue.message, 160)}`)
      .join('; ');
    return {
      ok: false,
      error: { code: 'invalid_request', message: formatError('invalid_request', { reason }, locale) },
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (thrown) {
    const error = isReadOnlyError(thrown) ? new AppError('library_read_only') : thrown;
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
    options.logError?.(channel, error);
    return { ok: false, error: { code: 'internal', message: formatError('internal', {}, locale) } };
  }
}
