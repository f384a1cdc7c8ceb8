import { formatError, type ErrorCode, type Locale } from '../../../shared/ipc/errors';

/** An error meant for the user: a contract code plus the values its message needs. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: string,
  ) {
    super(formatError(code, params, 'en'));
    this.name = 'AppError';
  }

  localized(locale: Locale): string {
    return formatError(this.code, this.params, locale);
  }
}
