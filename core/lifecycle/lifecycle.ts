import { inject, singleton } from 'tsyringe';
import { LOGGER, type Logger } from '../logging/logger.js';
import { IntervalTask } from './interval-task.js';

export interface LifecycleHooks {
  start?(): void;
  stop?(): void | Promise<void>;
}

/**
 * Start and stop hooks that components register when they are built (Fastify's onReady/onClose): started in
 * the order they were registered, stopped in reverse, so what was built on something stops before it does.
 */
@singleton()
export class Lifecycle {
  private readonly components: Array<{ readonly name: string; readonly hooks: LifecycleHooks }> = [];
  private started = false;

  constructor(@inject(LOGGER) private readonly logger: Logger) {}

  register(name: string, hooks: LifecycleHooks): void {
    this.components.push({ name, hooks });
    if (this.started) hooks.start?.();
  }

  /** A periodic task (≤ 0 ms: never) that runs from start to stop, never overlapping itself. */
  every(name: string, everyMs: number, run: () => Promise<unknown>, options: { immediate?: boolean } = {}): void {
    const task = new IntervalTask(name, everyMs, run, this.logger, options.immediate === true);
    this.register(name, { start: () => task.start(), stop: () => task.stop() });
  }

  start(): void {
    this.started = true;
    for (const { hooks } of this.components) hooks.start?.();
  }

  /** Runs every stop hook, newest first; one that fails or hangs past the deadline is logged, not waited for. */
  async stop(deadlineMs = 10_000): Promise<void> {
    const until = Date.now() + deadlineMs;
    for (const { name, hooks } of [...this.components].reverse()) {
      if (!hooks.stop) continue;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>(
        (resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, until - Date.now()))),
      );
      try {
        const outcome = await Promise.race([Promise.resolve(hooks.stop()), late]);
        if (outcome === 'late') this.logger.error(`${name} did not stop within ${deadlineMs} ms`);
      } catch (err) {
        this.logger.error(`${name} failed to stop: ${(err as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    }
  }
}
