import type { Channel, RequestOf, ResponseOf } from './contract';
import type { EventName, EventPayloads } from './events';
import type { Result } from './result';

/** What the preload exposes as `window.api` (and what the browser test bridge imitates). */
export interface YanduApi {
  invoke<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  /** The filesystem path of a file dropped on the window (Electron's webUtils), '' when it has none. */
  pathForFile(file: { readonly name: string }): string;
}
