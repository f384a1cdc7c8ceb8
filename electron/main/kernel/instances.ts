import { logBackgroundError } from './log';

/** A per-library instance may hold resources (timers, workers, caches of rows) to let go of. */
export interface Stoppable {
  stop?(): void;
}

/**
 * The per-library instances of a core (a domain's service, an undo stack), owned by the core
 * rather than by module-level maps: made on first use over the open library, and all stopped and
 * dropped together when the library closes or a restore swaps it, so none outlives its library.
 */
export class Instances {
  private readonly made = new Map<string, Stoppable>();

  /** The instance under `key`, made by `make` the first time it is asked for since the library opened. */
  get<T extends object>(key: string, make: () => T): T {
    let instance = this.made.get(key);
    if (!instance) this.made.set(key, (instance = make()));
    return instance as T;
  }

  /** Stops every instance (each on its own: one that fails is logged) and forgets them all. */
  stopAll(): void {
    const all = [...this.made];
    this.made.clear();
    for (const [key, instance] of all) {
      try {
        instance.stop?.();
      } catch (error) {
        logBackgroundError(`stopping ${key}`, error);
      }
    }
  }
}
