import { injectable } from 'tsyringe';
import type { ModelConfig, ProviderConfig } from '../../config/models-config.js';
import { leaseOf, type BalanceStrategy, type ProviderLease } from '../strategy.js';

/**
 * Least-busy: picks the provider with the fewest requests in flight (ties go round-robin).
 * The reference's counter only ever grew, so it balanced by call count, not by load.
 */
@injectable()
export class BalancedStrategy implements BalanceStrategy {
  static readonly id = 'balanced';
  private readonly inFlight = new Map<string, number>();
  private readonly cursor = new Map<string, number>();

  async acquire(model: ModelConfig): Promise<ProviderLease> {
    const provider = this.pick(model);
    this.inFlight.set(provider.id, (this.inFlight.get(provider.id) ?? 0) + 1);
    return leaseOf(provider, () => this.inFlight.set(provider.id, (this.inFlight.get(provider.id) ?? 1) - 1));
  }

  private pick(model: ModelConfig): ProviderConfig {
    const providers = model.providers;
    if (providers.length === 1) return providers[0]!;
    const start = this.cursor.get(model.name) ?? 0;
    this.cursor.set(model.name, (start + 1) % providers.length);
    let best = providers[start]!;
    let bestLoad = this.inFlight.get(best.id) ?? 0;
    for (let i = 1; i < providers.length; i++) {
      const p = providers[(start + i) % providers.length]!;
      const load = this.inFlight.get(p.id) ?? 0;
      if (load < bestLoad) {
        best = p;
        bestLoad = load;
      }
    }
    return best;
  }
}
