import { inject, singleton } from 'tsyringe';
import { SETTINGS, type Settings } from '../config/settings.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';

interface Circuit {
  failures: number;
  openUntil: number;
}

/**
 * Per provider, per process: after N failures in a row the circuit opens and the provider is skipped;
 * after the cool-down it is tried again (half-open): one success closes it, one failure opens it again.
 */
@singleton()
export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(METRICS) private readonly metrics: Metrics,
  ) {}

  allows(providerId: string): boolean {
    const c = this.circuits.get(providerId);
    return !c || c.openUntil <= Date.now();
  }

  /** What the admin API shows: `half_open` once the cool-down is over and the next request decides. */
  stateOf(providerId: string): { readonly state: 'closed' | 'open' | 'half_open'; readonly failures: number } {
    const c = this.circuits.get(providerId);
    if (!c || c.openUntil === 0) return { state: 'closed', failures: c?.failures ?? 0 };
    return { state: c.openUntil > Date.now() ? 'open' : 'half_open', failures: c.failures };
  }

  success(providerId: string): void {
    const c = this.circuits.get(providerId);
    if (!c || (c.failures === 0 && c.openUntil === 0)) return;
    this.circuits.set(providerId, { failures: 0, openUntil: 0 });
    this.report(providerId, false);
  }

  failure(providerId: string): void {
    const c = this.circuits.get(providerId) ?? { failures: 0, openUntil: 0 };
    const halfOpen = c.openUntil !== 0 && c.openUntil <= Date.now();
    c.failures += 1;
    if (halfOpen || c.failures >= this.settings.balancing.breakerFailures) {
      c.openUntil = Date.now() + this.settings.balancing.breakerCooldownMs;
      this.report(providerId, true);
    }
    this.circuits.set(providerId, c);
  }

  private report(providerId: string, open: boolean): void {
    if (this.metrics.enabled) this.metrics.circuitOpen.set({ provider: providerId }, open ? 1 : 0);
  }
}
