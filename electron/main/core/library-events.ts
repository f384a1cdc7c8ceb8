import type { EventName, EventPayloads } from '../../../shared/ipc/events';

type Listener<E extends EventName> = (payload: EventPayloads[E]) => void;

/**
 * Events of the core: the shell forwards them to the window, the CLI prints progress from them,
 * other domains (search index, annotations) react to library changes.
 */
export class LibraryEvents {
  private listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(payload);
  }
}
