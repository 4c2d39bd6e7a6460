import type { ModelConfig, ProviderConfig } from '../config/models-config.js';

/** A provider held for one request; released exactly once when the request ends. */
export interface ProviderLease {
  readonly provider: ProviderConfig;
  release(): void;
}

export interface BalanceStrategy {
  acquire(model: ModelConfig, signal: AbortSignal): Promise<ProviderLease>;
}

export interface BalanceStrategyClass {
  new (...args: any[]): BalanceStrategy;
  readonly id: string;
}

export const BALANCE_STRATEGY = Symbol('BalanceStrategy');

/** Wraps a release so that calling it twice does nothing (the reference double-releases). */
export function leaseOf(provider: ProviderConfig, release: () => void): ProviderLease {
  let released = false;
  return {
    provider,
    release() {
      if (released) return;
      released = true;
      release();
    },
  };
}
