import type { Core } from '../../electron/main/core/app-core';
import { callChannel } from '../../electron/main/core/call';
import { dispatch } from '../../electron/main/ipc/dispatch';
import type { Handlers } from '../../electron/main/kernel/api';
import type { Channel, RequestOf, ResponseOf } from '../../shared/ipc/contract';

/** Calls a channel through the real dispatch (validation included) and returns its value, or throws its error. */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  payload: RequestOf<C>,
): Promise<ResponseOf<C>> {
  const result = await dispatch(core, channel, payload);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<C>;
}

/**
 * The core's front door with some handlers replaced by stand-ins (a reader that holds a parse, a
 * handler that throws): requests still go through the real validation and read-only rules.
 */
export function withStandIns(core: Core, standIns: Partial<Handlers>): Pick<Core, 'call'> {
  const handlers = { ...core.handlers, ...standIns } as Handlers;
  return {
    call: ((channel: unknown, request: unknown) =>
      callChannel(handlers, core.ctx, {}, channel, request)) as Core['call'],
  };
}
