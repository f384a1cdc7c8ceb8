import type { CoreChannel, CoreRequestOf, CoreResponseOf } from '../../../shared/ipc/contract';

/** What answers one contract channel, given a request the contract's schema has already accepted. */
export type Handler<C extends CoreChannel> = (
  request: CoreRequestOf<C>,
) => CoreResponseOf<C> | Promise<CoreResponseOf<C>>;

/** An answer for every channel of the core (the IPC contract and the local channels): its whole API. */
export type Handlers = { [C in CoreChannel]: Handler<C> };
