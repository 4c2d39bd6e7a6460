import { setTimeout } from 'node:timers/promises';
import { inject, singleton } from 'tsyringe';
import { MODELS_CONFIG, type ModelConfig, type ModelsConfig } from '../config/models-config.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import { modelNotFound, modelNotRouted } from '../errors/errors.js';
import { ProviderFault, ProviderRateLimited } from '../errors/gateway-error.js';
import type { Principal } from '../http/exchange.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { type RequestScope, scoped } from '../logging/request-scope.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { PROVIDER_TYPES, type ProviderTypes } from '../providers/provider-type-registry.js';
import { UpstreamClient } from '../providers/upstream-client.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { ProviderAttempt } from './provider-attempt.js';
import { ProviderMonitor } from './provider-monitor.js';
import { ProviderSelector } from './provider-selector.js';

/**
 * Hands out attempts on the providers of a model. After a failure the provider caused (a ProviderFault) —
 * before any byte reached the client — it hands out the next provider, up to LLM_ROUTER_MAX_PROVIDER_ATTEMPTS;
 * any other error ends the request as it is. Every outcome feeds the circuit breaker and the strategy, and
 * a 429 rests the provider for its Retry-After.
 */
@singleton()
export class Failover {
  constructor(
    @inject(MODELS_CONFIG) private readonly models: ModelsConfig,
    @inject(ProviderSelector) readonly selector: ProviderSelector,
    @inject(PROVIDER_TYPES) readonly types: ProviderTypes,
    @inject(UpstreamClient) readonly upstream: UpstreamClient,
    @inject(CircuitBreaker) readonly breaker: CircuitBreaker,
    @inject(METRICS) readonly metrics: Metrics,
    @inject(SETTINGS) readonly settings: Settings,
    @inject(LOGGER) readonly logger: Logger,
    // Health is only as good as its probes: an instance that fails over runs its own monitor.
    @inject(ProviderMonitor) _monitor: ProviderMonitor,
  ) {}

  /** The model a request names; one the key's policy does not allow is, for that key, one that does not exist. */
  model(name: string, principal?: Principal): ModelConfig {
    const model = this.models.models.get(name);
    if (!model) throw name === 'auto' ? modelNotRouted() : modelNotFound(name);
    if (principal && !principal.allowsModel(name)) throw modelNotFound(name);
    return model;
  }

  /** The attempts of one request; `signal` ends them when the client leaves or the deadline passes. */
  attempts(model: ModelConfig, signal: AbortSignal, scope: RequestScope): ProviderAttempts {
    return new ProviderAttempts(this, model, signal, scope);
  }
}

/** The attempts of one request on one model. */
// A one-off server error is worth one more try of the same provider after this pause, when it is the last left.
const ONE_OFF_PAUSE_MS = 250;
const ONE_OFF_STATUSES = new Set([500, 502, 503]);

export class ProviderAttempts {
  private readonly tried = new Set<string>();
  private count = 0;
  /** Set when the next attempt retries the same provider: the pause before it. */
  private pauseMs = 0;
  private retriedSame = false;
  /** What the provider retried once more failed with: the answer if it cannot be leased again. */
  private retryOf: ProviderFault | null = null;

  constructor(
    private readonly f: Failover,
    private readonly model: ModelConfig,
    private readonly signal: AbortSignal,
    private readonly scope: RequestScope,
  ) {}

  /** Leases the next provider (waiting as the strategy allows); throws 503 when none can take the request. */
  async next(): Promise<ProviderAttempt> {
    const retryOf = this.retryOf;
    this.retryOf = null;
    if (retryOf) {
      await setTimeout(this.pauseMs, undefined, { signal: this.signal }).catch(() => {});
      if (this.signal.aborted) throw this.signal.reason;
    }
    // The one more try is a bonus: if the provider cannot be had now (its breaker opened), its own error stands.
    const lease = await this.f.selector.acquire(this.model, this.signal, this.tried).catch((err: unknown) => {
      throw retryOf ?? err;
    });
    this.count += 1;
    const { metrics, settings } = this.f;
    if (metrics.enabled)
      metrics.strategySelected.inc({ strategy: settings.balanceStrategy, model_name: this.model.name });
    const type = this.f.types.get(lease.provider.api_type)!;
    return new ProviderAttempt(this.count, this.model, lease, type, this.f.upstream, metrics, this.signal, this.scope);
  }

  succeeded(attempt: ProviderAttempt): void {
    attempt.release();
    this.settle(attempt, true);
  }

  /** A stream the provider cut after the client had bytes of it: a failure for the breaker, nothing to retry. */
  brokeOff(attempt: ProviderAttempt): void {
    attempt.release();
    this.settle(attempt, false);
  }

  /**
   * Ends a failed attempt. Returns when another provider should be tried; otherwise throws `err`: it is not the
   * provider's fault, the client already has bytes of the answer, the client left, or the attempts are used up.
   */
  failed(attempt: ProviderAttempt, err: unknown, clientHasBytes: boolean): void {
    attempt.release();
    if (!(err instanceof ProviderFault)) {
      // The provider did its part (a 4xx is the request's fault, a block is the answer's).
      if (attempt.answered) this.settle(attempt, true);
      throw err;
    }
    this.settle(attempt, false);
    if (err instanceof ProviderRateLimited) this.f.selector.coolDown(attempt.provider, err.retryAfterSeconds);
    const { metrics, settings } = this.f;
    const mayGoOn = !clientHasBytes && !this.signal.aborted && this.count < settings.balancing.maxAttempts;
    const another = this.tried.size + 1 < this.model.providers.length;
    if (mayGoOn && !another && this.retrySame(err)) {
      if (metrics.enabled) metrics.retries.inc({ model_name: this.model.name, error_code: err.code });
      this.f.logger.warn(
        `provider ${attempt.provider.id} failed (${err.code}); trying it once more in ${this.pauseMs} ms, it is the last of ${this.model.name}`,
        scoped(this.scope),
      );
      return;
    }
    if (!mayGoOn || !another) {
      if (metrics.enabled && this.count > 1)
        metrics.retriesExhausted.inc({ model_name: this.model.name, last_error_code: err.code });
      throw err;
    }
    this.tried.add(attempt.provider.id);
    if (metrics.enabled) metrics.retries.inc({ model_name: this.model.name, error_code: err.code });
    const line = `provider ${attempt.provider.id} failed (${err.code}); trying another provider of ${this.model.name}`;
    this.f.logger.warn(line, scoped(this.scope));
  }

  /**
   * The last provider gets one more try after a 429 whose Retry-After is short enough to wait out
   * (LLM_ROUTER_SAME_PROVIDER_RETRY_MAX_WAIT_SECONDS) or after a one-off 500/502/503.
   */
  private retrySame(err: ProviderFault): boolean {
    if (this.retriedSame) return false;
    const bound = this.f.settings.balancing.sameProviderRetryMaxWaitMs;
    let pause = -1;
    if (err instanceof ProviderRateLimited) {
      const wait = err.retryAfterSeconds * 1000;
      // A little past the Retry-After, so the provider's rest (coolDown) is over when the lease is asked for.
      if (wait <= bound) pause = wait + 50;
    } else if (ONE_OFF_STATUSES.has(err.upstreamStatus) && bound > 0) pause = ONE_OFF_PAUSE_MS;
    if (pause < 0) return false;
    this.retriedSame = true;
    this.pauseMs = pause;
    this.retryOf = err;
    return true;
  }

  private settle(attempt: ProviderAttempt, ok: boolean): void {
    if (ok) this.f.breaker.success(attempt.provider.id);
    else this.f.breaker.failure(attempt.provider.id);
    this.f.selector.strategyOf.observe?.(attempt.provider, { ok, latencyMs: attempt.elapsedMs });
  }
}
