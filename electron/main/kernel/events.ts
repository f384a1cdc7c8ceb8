import type { EventName, EventPayloads } from '../../../shared/ipc/events';
import { logBackgroundError } from './log';

type Listener<E extends EventName> = (payload: EventPayloads[E]) => void;
type Pending = { name: EventName; payload: unknown };

/**
 * Events of the core: the shell forwards them to the window, the CLI prints progress from them,
 * other domains (search index, annotations) react to library changes.
 *
 * Two rules make a listener safe to add anywhere:
 * - An event emitted inside a write transaction waits until the transaction is over, so a
 *   listener never reads rows that are not committed (or that a rollback takes back: `transaction`
 *   drops what a failed one queued). Outside a transaction an event fires at once, in order.
 * - Each listener runs on its own: one that throws is logged and the others still hear the event;
 *   the emitter (an import that already committed) never fails because of a listener.
 */
export class LibraryEvents {
  private listeners = new Map<EventName, Set<Listener<EventName>>>();
  private pending: Pending[] = [];
  private flushQueued = false;
  /** Depth of `transaction` calls: while > 0, events wait for the outermost to end. */
  private depth = 0;

  /** `inTransaction` says whether the library has a transaction open (better-sqlite3's `db.inTransaction`). */
  constructor(private readonly inTransaction: () => boolean = () => false) {}

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    if (this.depth === 0 && !this.inTransaction() && !this.pending.length) return this.fire(name, payload);
    this.pending.push({ name, payload });
    // A transaction not opened through `transaction` ends synchronously (better-sqlite3): the
    // queue is looked at again once the current task has given the event loop back.
    if (this.depth === 0) this.queueFlush();
  }

  /**
   * Runs `write` (which opens the transaction itself) and fires what it emitted once it returns;
   * if it throws, what it emitted is dropped: nothing happened that anyone should hear of.
   */
  transaction<T>(write: () => T): T {
    const mark = this.pending.length;
    this.depth += 1;
    let failed = true;
    try {
      const result = write();
      failed = false;
      return result;
    } finally {
      this.depth -= 1;
      if (failed) this.pending.length = Math.min(this.pending.length, mark);
      if (this.depth === 0) this.flush();
    }
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.depth > 0) return;
    if (this.inTransaction()) {
      // Still inside someone's transaction (an async caller holding one open): look again later.
      this.flushQueued = true;
      setImmediate(() => {
        this.flushQueued = false;
        this.flush();
      });
      return;
    }
    const queue = this.pending;
    this.pending = [];
    for (const { name, payload } of queue) this.fire(name, payload as EventPayloads[EventName]);
  }

  private fire<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        logBackgroundError(`a listener of ${name}`, error);
      }
    }
  }
}
