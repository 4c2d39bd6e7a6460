import { singleton } from 'tsyringe';
import type { GatewayError } from '../errors/gateway-error.js';

/**
 * The requests this process is serving, so a stop can drain them: no new work is promised (readiness says 503,
 * responses close their connection), the open ones get until a deadline to finish, and what is left is ended
 * through its own abort signal, which each endpoint answers in the client's dialect (in-band for a stream).
 */
@singleton()
export class InFlight {
  private readonly open = new Set<AbortController>();
  private emptied: (() => void) | null = null;
  private drainingSince = 0;

  get draining(): boolean {
    return this.drainingSince > 0;
  }

  get size(): number {
    return this.open.size;
  }

  add(controller: AbortController): void {
    this.open.add(controller);
  }

  /** Called once per added controller, when its handler has settled (leases released, answer ended). */
  done(controller: AbortController): void {
    if (this.open.delete(controller) && this.open.size === 0) this.emptied?.();
  }

  /**
   * Waits up to `graceMs` for the open requests to finish, then aborts the rest with `reason()` and waits up
   * to `cutMs` more for their handlers to settle. Resolves with how many finished and how many were cut.
   */
  async drain(graceMs: number, cutMs: number, reason: () => GatewayError): Promise<{ finished: number; cut: number }> {
    this.drainingSince ||= Date.now();
    const before = this.open.size;
    await this.untilEmpty(graceMs);
    const cut = this.open.size;
    for (const controller of this.open) controller.abort(reason());
    await this.untilEmpty(cutMs);
    return { finished: before - cut, cut };
  }

  private untilEmpty(ms: number): Promise<void> {
    if (this.open.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.emptied?.(), ms);
      this.emptied = () => {
        this.emptied = null;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
