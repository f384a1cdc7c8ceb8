/**
 * Runs sliced tasks (generators that yield between small steps) one after another on this thread,
 * giving the event loop back after each slice so that IPC and window events are never held up for
 * longer than one slice. Timers are unref'd: pending background work never keeps a CLI run alive.
 */
export class TaskRunner {
  private queue: {
    name: string;
    task: Generator<void, unknown>;
    keepAlive: boolean;
    done: (error?: unknown) => void;
  }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private current: string | null = null;

  constructor(
    private readonly sliceMs = 12,
    private readonly alive: () => boolean = () => true,
  ) {}

  get busy(): string | null {
    return this.current ?? this.queue[0]?.name ?? null;
  }

  /** Queues a task; `keepAlive` holds the process open until it ends (work someone waits for). */
  run<T>(name: string, task: Generator<void, T>, keepAlive = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let value: T;
      const wrapped = (function* () {
        value = yield* task;
      })();
      this.queue.push({
        name,
        task: wrapped,
        keepAlive,
        done: (error) => (error === undefined ? resolve(value) : reject(error)),
      });
      this.schedule();
    });
  }

  /** Drops queued and running tasks (their promises reject). */
  cancel(reason = 'cancelled'): void {
    const dropped = this.queue.splice(0);
    this.current = null;
    for (const item of dropped) item.done(new Error(reason));
  }

  private schedule(): void {
    if (this.timer || !this.queue.length) return;
    this.timer = setTimeout(() => this.slice(), 0);
    if (!this.queue[0]!.keepAlive) this.timer.unref();
  }

  private slice(): void {
    this.timer = null;
    const item = this.queue[0];
    if (!item) return;
    if (!this.alive()) return this.cancel('closed');
    this.current = item.name;
    const until = performance.now() + this.sliceMs;
    try {
      for (;;) {
        if (item.task.next().done) {
          this.queue.shift();
          this.current = null;
          item.done();
          break;
        }
        if (performance.now() >= until) break;
      }
    } catch (error) {
      this.queue.shift();
      this.current = null;
      item.done(error ?? new Error('task failed'));
    }
    this.schedule();
  }
}
