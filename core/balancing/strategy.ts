import type { ModelConfig, ProviderConfig } from '../config/models-config.js';

/** A provider held for one request: renewed while the request lives, released exactly once. */
export interface ProviderLease {
  readonly provider: ProviderConfig;
  release(): void;
}

/** How a call to a provider went, for strategies that learn. */
export interface CallOutcome {
  readonly ok: boolean;
  readonly latencyMs: number;
}

/**
 * A load-balancing strategy orders the usable providers of a model; the selector leases the first one it
 * can. Exclusive strategies allow one request per provider at a time, so the selector waits (bounded) for one.
 */
export interface BalanceStrategy {
  readonly exclusive: boolean;
  /** `inFlight[i]` is how many requests `candidates[i]` is serving now (across instances with Redis). */
  order(
    model: ModelConfig,
    candidates: readonly ProviderConfig[],
    inFlight: readonly number[],
  ): Promise<ProviderConfig[]> | ProviderConfig[];
  observe?(provider: ProviderConfig, outcome: CallOutcome): void;
  chosen?(model: ModelConfig, provider: ProviderConfig): Promise<void> | void;
}

export interface BalanceStrategyClass {
  // biome-ignore lint/suspicious/noExplicitAny: tsyringe's constructor type takes any[] arguments
  new (...args: any[]): BalanceStrategy;
  readonly id: string;
}

export const BALANCE_STRATEGY = Symbol('BalanceStrategy');
