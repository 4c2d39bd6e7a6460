import { randomUUID } from 'node:crypto';
import type { ProviderConfig } from '../config/models-config.js';
import type { Logger } from '../logging/logger.js';
import type { StateStore } from '../state/state-store.js';
import type { ProviderLease } from './strategy.js';

export const leaseKey = (provider: ProviderConfig) => `lease:${provider.id}`;

/**
 * Hands out leases and keeps every held one alive: one timer for all of them renews each at a third of its TTL,
 * instead of a timer per request. Holder ids are unique across instances (a random prefix per process).
 */
export class LeaseKeeper {
  private readonly held = new Set<HeldLease>();
  private readonly prefix = randomUUID();
  private issued = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: StateStore,
    private readonly ttlMs: number,
    private readonly logger: Logger,
  ) {}

  /** A holder id for one request's attempt to lease. */
  holder(): string {
    return `${this.prefix}:${++this.issued}`;
  }

  keep(provider: ProviderConfig, holder: string): ProviderLease {
    const lease = new HeldLease(provider, holder, this);
    this.held.add(lease);
    if (this.timer === null) {
      this.timer = setInterval(() => this.renewAll(), Math.max(50, Math.floor(this.ttlMs / 3)));
      this.timer.unref();
    }
    return lease;
  }

  release(lease: HeldLease): void {
    this.held.delete(lease);
    const { provider, holder } = lease;
    const released = this.store.release(leaseKey(provider), holder);
    if (released instanceof Promise) {
      released.catch((err: unknown) => {
        this.logger.warn(`lease release failed for ${provider.id}: ${(err as Error).message}`);
      });
    }
  }

  private renewAll(): void {
    for (const { provider, holder } of this.held) {
      this.store.renew(leaseKey(provider), holder, this.ttlMs).catch((err: unknown) => {
        this.logger.warn(`lease renewal failed for ${provider.id}: ${(err as Error).message}`);
      });
    }
  }
}

/** A held slot on a provider, renewed by its keeper until released (once). */
class HeldLease implements ProviderLease {
  private released = false;

  constructor(
    readonly provider: ProviderConfig,
    readonly holder: string,
    private readonly keeper: LeaseKeeper,
  ) {}

  release(): void {
    if (this.released) return;
    this.released = true;
    this.keeper.release(this);
  }
}
