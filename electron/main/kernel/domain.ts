import type { CoreChannel } from '../../../shared/ipc/contract';
import type { EventName, EventPayloads } from '../../../shared/ipc/events';
import type { Handlers } from './api';
import type { CoreContext } from './context';
import type { SearchSource } from './search-source';

/** What a replace hook and a delete hook of the core receive (kernel/context.ts decides). */
type ReplaceArgs = Parameters<CoreContext['replaceHooks'][number]>;
type DeleteArgs = Parameters<CoreContext['deleteHooks'][number]>;

/** Per event, what a domain does when it is heard (each listener runs on its own, see events.ts). */
export type DomainListeners = {
  [E in EventName]?: (ctx: CoreContext, payload: EventPayloads[E]) => void;
};

/**
 * Everything a domain folder gives the core, declared in one object (`<folder>/domain.ts`), so the
 * composition root wires every domain the same way and nothing is installed behind its back.
 * Domain objects hold no state: every function takes the core's context, and what lives per
 * library goes in `ctx.instances` (stopped and dropped on close and on a restore's reopen).
 * `C` is the set of contract channels the domain answers; the root checks that the domains
 * together answer every channel once.
 */
export interface Domain<C extends CoreChannel = CoreChannel> {
  readonly name: string;
  /** The answers to the domain's channels, over the open library (rebuilt after a reopen). */
  handlers(ctx: CoreContext): Pick<Handlers, C>;
  /** Once the library is open: at start and after every reopen, before any request is answered. */
  start?(ctx: CoreContext): void;
  /** Before the library closes or is swapped (a restore), while its connection is still open. */
  stop?(ctx: CoreContext): void;
  /** Inside the transaction replacing a document by a revised edition (see CoreContext.replaceHooks). */
  onReplace?(ctx: CoreContext, ...args: ReplaceArgs): void;
  /** Inside the transaction deleting a document (see CoreContext.deleteHooks). */
  onDelete?(ctx: CoreContext, ...args: DeleteArgs): void;
  /** Kinds of record this domain makes searchable (one source per kind across all domains). */
  readonly searchSources?: readonly SearchSource[];
  /** Core events the domain follows; the bus outlives a reopen, so these are installed once. */
  readonly listeners?: DomainListeners;
}

/** The channels a list of domains answers between them. */
export type ChannelsOf<Ds extends readonly Domain<never>[]> = Ds[number] extends infer D
  ? D extends Domain<infer C>
    ? C
    : never
  : never;
