import { injectable } from 'tsyringe';
import type { ModelConfig, ProviderConfig } from '../../config/models-config.js';
import type { BalanceStrategy } from '../strategy.js';

/**
 * Least busy: fewest requests in flight first (counted from live leases, so across instances with Redis);
 * ties rotate. The reference's counter only ever grew, so it balanced by call count, not by load.
 */
@injectable()
export class BalancedStrategy implements BalanceStrategy {
  static readonly id = 'balanced';
  readonly exclusive = false;
  private readonly cursor = new Map<string, number>();

  order(model: ModelConfig, candidates: readonly ProviderConfig[], inFlight: readonly number[]): ProviderConfig[] {
    const start = this.cursor.get(model.name) ?? 0;
    this.cursor.set(model.name, start + 1);
    const n = candidates.length;
    if (n === 1) return [...candidates];
    return candidates
      .map((p, i) => ({ p, load: inFlight[i] ?? 0, turn: (i - (start % n) + n) % n }))
      .sort((a, b) => a.load - b.load || a.turn - b.turn)
      .map((x) => x.p);
  }
}
