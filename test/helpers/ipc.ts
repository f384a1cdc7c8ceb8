import type { Core } from '../../electron/main/core/app-core';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';

/** Calls a channel through the real dispatch (validation included) and returns its value, or throws its error. */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  payload: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await dispatch(core.handlers, channel, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}
