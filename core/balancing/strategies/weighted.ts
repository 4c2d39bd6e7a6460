import { injectable } from 'tsyringe';
import type { ModelConfig, ProviderConfig } from '../../config/models-config.js';
import type { BalanceStrategy } from '../strategy.js';
import { weightedOrder } from './weighted-order.js';

/** Random by the configured `weight` of each provider (0…1; all zero means equal shares). */
@injectable()
export class WeightedStrategy implements BalanceStrategy {
  static readonly id = 'weighted';
  readonly exclusive = false;

  order(_model: ModelConfig, candidates: readonly ProviderConfig[]): ProviderConfig[] {
    return weightedOrder(candidates, (p) => p.weight);
  }
}
