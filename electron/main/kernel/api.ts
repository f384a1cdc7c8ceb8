import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';

/** What answers one contract channel, given a request the contract's schema has already accepted. */
export type Handler<C extends Channel> = (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;

/** An answer for every channel of the contract: the core's whole API. */
export type Handlers = { [C in Channel]: Handler<C> };
