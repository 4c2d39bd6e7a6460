import type { ProviderConfig } from '../config/models-config.js';
import type { Logger } from '../logging/logger.js';
import type { StateStore } from '../state/state-store.js';
import type { ProviderLease } from './strategy.js';

export const leaseKey = (provider: ProviderConfig) => `lease:${provider.id}`;

/** A held slot on a provider, renewed at a third of its TTL until released (once). */
export class RenewedLease implements ProviderLease {
  private released = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly provider: ProviderConfig,
    private readonly holder: string,
    private readonly store: StateStore,
    ttlMs: number,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => {
      store.renew(leaseKey(provider), holder, ttlMs).catch((err: unknown) => logger.warn(`lease renewal failed for ${provider.id}: ${(err as Error).message}`));
    }, Math.max(50, Math.floor(ttlMs / 3)));
    this.timer.unref();
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    clearInterval(this.timer);
    this.store.release(leaseKey(this.provider), this.holder).catch((err: unknown) => this.logger.warn(`lease release failed for ${this.provider.id}: ${(err as Error).message}`));
  }
}
