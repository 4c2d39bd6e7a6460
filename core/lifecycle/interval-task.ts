import type { Logger } from '../logging/logger.js';

/** One loop for every monitor: runs `run` every `everyMs`, skips a tick while the last run is still going. */
export class IntervalTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly run: () => Promise<unknown>,
    private readonly logger: Logger,
    private readonly immediate: boolean,
  ) {}

  start(): void {
    if (this.everyMs <= 0 || this.timer) return;
    if (this.immediate) this.tick();
    this.timer = setInterval(() => this.tick(), this.everyMs);
    // A monitor never keeps the process alive.
    this.timer.unref();
  }

  /** Stops the loop; a run under way finishes on its own (each is bounded by its own timeouts). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.run()
      .then(
        () => undefined,
        (err: unknown) => void this.logger.warn(`${this.name} failed: ${(err as Error).message}`),
      )
      .finally(() => (this.running = null));
  }
}
