import { injectable } from 'tsyringe';
import type { ModelConfig, ProviderConfig } from '../../config/models-config.js';
import type { BalanceStrategy } from '../strategy.js';

/**
 * One request per provider at a time, the first free one in config order (for backends that serve one
 * request at a time). Waiting for a free one is bounded by LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS.
 */
@injectable()
export class FirstAvailableStrategy implements BalanceStrategy {
  static readonly id = 'first_available';
  readonly exclusive = true;

  order(_model: ModelConfig, candidates: readonly ProviderConfig[]): ProviderConfig[] {
    return [...candidates];
  }
}
