import type { YanduApi } from '../../../shared/ipc/api';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { EventName, EventPayloads } from '../../../shared/ipc/events';
import type { IpcError } from '../../../shared/ipc/result';

declare global {
  interface Window {
    api?: YanduApi;
  }
}

/** A failed call as an exception the UI can show: code for logic, message already localised by main. */
export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

function bridge(): YanduApi {
  if (!window.api)
    throw new ApiError({
      code: 'no_bridge',
      message: '未连接到研读主进程 / not connected to the Yandu main process',
    });
  return window.api;
}

/** The one typed way components reach the main process. */
export const apiClient = {
  async call<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await bridge().invoke(channel, payload);
    if (!result.ok) throw new ApiError(result.error);
    return result.value;
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    return bridge().on(event, listener);
  },
  /** The absolute path of a dropped file (Electron's webUtils via the preload); '' where there is none. */
  pathForFile(file: File): string {
    return window.api?.pathForFile(file) ?? '';
  },
};
