import type { HubErrorBody, HubErrorCode } from '../../shared/team/protocol';

/** An error the hub answers with its status and `{error:{code,message}}` body. */
export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: HubErrorCode,
    message: string,
  ) {
    super(message);
  }

  body(): HubErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}
