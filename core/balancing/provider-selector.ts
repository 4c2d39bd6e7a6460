import { inject, singleton } from 'tsyringe';
import type { ModelConfig, ProviderConfig } from '../config/models-config.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import { clientClosed, noProviderAvailable as noProvider } from '../errors/errors.js';
import { GatewayError } from '../errors/gateway-error.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { STATE_STORE, type StateStore } from '../state/state-store.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { KeepAliveMonitor } from './keep-alive-monitor.js';
import { LeaseKeeper, leaseKey } from './lease.js';
import { ProviderHealth } from './provider-health.js';
import { BALANCE_STRATEGY, type BalanceStrategy, type ProviderLease } from './strategy.js';

// A waiting request wakes when a lease is released anywhere; it also looks again this often, in case a
// release message was missed or a lease simply expired.
const POLL_MS = 100;
const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Leases a provider for a request: usable providers (healthy, circuit closed, not cooling down after a 429,
 * not already tried by this request), ordered by the strategy, leased in the store. Exclusive strategies
 * wait for a free provider until LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS; nothing waits without bound.
 */
@singleton()
export class ProviderSelector {
  private readonly coolingUntil = new Map<string, number>();
  private readonly leases: LeaseKeeper;

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(BALANCE_STRATEGY) private readonly strategy: BalanceStrategy,
    @inject(ProviderHealth) private readonly health: ProviderHealth,
    @inject(CircuitBreaker) private readonly breaker: CircuitBreaker,
    @inject(KeepAliveMonitor) private readonly keepAlive: KeepAliveMonitor,
    @inject(LOGGER) logger: Logger,
  ) {
    this.leases = new LeaseKeeper(store, settings.balancing.leaseTtlMs, logger);
  }

  get strategyOf(): BalanceStrategy {
    return this.strategy;
  }

  async acquire(model: ModelConfig, signal: AbortSignal, tried: ReadonlySet<string>): Promise<ProviderLease> {
    const { waitTimeoutMs, leaseTtlMs, monitorIntervalMs } = this.settings.balancing;
    const deadline = Date.now() + waitTimeoutMs;
    const holder = this.leases.holder();
    for (;;) {
      const untried = tried.size === 0 ? model.providers : model.providers.filter((p) => !tried.has(p.id));
      const up = this.health.cachedUpOf(untried) ?? (await this.health.upOf(untried));
      const now = Date.now();
      const usable = untried.filter(
        (p, i) => up[i] && this.breaker.allows(p.id) && (this.coolingUntil.get(p.id) ?? 0) <= now,
      );
      if (usable.length === 0) {
        const cooling = untried.map((p) => this.coolingUntil.get(p.id) ?? 0).filter((t) => t > now);
        if (cooling.length && Math.min(...cooling) <= deadline) {
          await this.waitForRelease(NO_KEYS, Math.min(...cooling) - now, signal);
          continue;
        }
        if (untried.length === 0) throw noProvider(model.name, 'every provider failed', monitorIntervalMs / 1000);
        // Every one down by its probe will not be up before the next probes: clients are told not to retry at once.
        const allDown = up.every((u) => !u);
        throw noProvider(
          model.name,
          `none is usable: ${this.whyUnusable(untried, up, now)}`,
          monitorIntervalMs / 1000,
          !allDown,
        );
      }
      const counted = this.strategy.exclusive ? [] : this.store.count(usable.map(leaseKey));
      const inFlight = counted instanceof Promise ? await counted : counted;
      // Awaited only when a strategy is asynchronous: each await is a turn of the event loop per request.
      const order = this.strategy.order(model, usable, inFlight);
      const ordered = order instanceof Promise ? await order : order;
      for (const p of ordered) {
        const taken = this.store.acquire(leaseKey(p), holder, leaseTtlMs, this.strategy.exclusive ? 1 : Infinity);
        if (taken instanceof Promise ? await taken : taken) {
          const chosen = this.strategy.chosen?.(model, p);
          if (chosen instanceof Promise) await chosen;
          this.keepAlive.recordUse(model, p);
          return this.leases.keep(p, holder);
        }
      }
      if (Date.now() >= deadline) throw noProvider(model.name, `all busy for ${waitTimeoutMs / 1000} s`, 1);
      await this.waitForRelease(new Set(ordered.map(leaseKey)), Math.min(POLL_MS, deadline - Date.now()), signal);
    }
  }

  /** Why each provider cannot take a request now, by its id (never its host): for the client and the log. */
  private whyUnusable(providers: readonly ProviderConfig[], up: readonly boolean[], now: number): string {
    return providers
      .map((p, i) => {
        if (!up[i]) return `${p.id} is down (its health probe ${this.health.whyDown(p.id) ?? 'failed'})`;
        if (!this.breaker.allows(p.id)) return `${p.id} failed repeatedly (circuit open)`;
        if ((this.coolingUntil.get(p.id) ?? 0) > now) return `${p.id} is rate limited`;
        return `${p.id} is not usable`;
      })
      .join('; ');
  }

  /** A provider answered 429: skip it for its Retry-After (bounded to a minute). */
  coolDown(provider: ProviderConfig, retryAfterS: number): void {
    this.coolingUntil.set(provider.id, Date.now() + Math.min(60, Math.max(0, retryAfterS)) * 1000);
  }

  /** Waits `ms`, or less when one of `keys` is released; a client that leaves ends the wait. */
  private waitForRelease(keys: ReadonlySet<string>, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        signal.removeEventListener('abort', aborted);
      };
      const wake = () => {
        done();
        resolve();
      };
      const timer = setTimeout(wake, Math.max(1, ms));
      const unsubscribe = this.store.onRelease((key) => {
        if (keys.has(key)) wake();
      });
      const aborted = () => {
        done();
        reject(signal.reason instanceof GatewayError ? signal.reason : clientClosed());
      };
      signal.addEventListener('abort', aborted, { once: true });
    });
  }
}
