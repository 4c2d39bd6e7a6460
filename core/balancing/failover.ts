import { inject, singleton } from 'tsyringe';
import { MODELS_CONFIG, type ModelConfig, type ModelsConfig } from '../config/models-config.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import { modelNotFound, modelNotRouted } from '../errors/errors.js';
import { ProviderFault, ProviderRateLimited } from '../errors/gateway-error.js';
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

  model(name: string): ModelConfig {
    const model = this.models.models.get(name);
    if (!model) throw name === 'auto' ? modelNotRouted() : modelNotFound(name);
    return model;
  }

  /** The attempts of one request; `signal` ends them when the client leaves or the deadline passes. */
  attempts(model: ModelConfig, signal: AbortSignal, scope: RequestScope): ProviderAttempts {
    return new ProviderAttempts(this, model, signal, scope);
  }
}

/** The attempts of one request on one model. */
export class ProviderAttempts {
  private readonly tried = new Set<string>();
  private count = 0;

  constructor(
    private readonly f: Failover,
    private readonly model: ModelConfig,
    private readonly signal: AbortSignal,
    private readonly scope: RequestScope,
  ) {}

  /** Leases the next provider (waiting as the strategy allows); throws 503 when none can take the request. */
  async next(): Promise<ProviderAttempt> {
    const lease = await this.f.selector.acquire(this.model, this.signal, this.tried);
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
    const again =
      !clientHasBytes &&
      !this.signal.aborted &&
      this.count < settings.balancing.maxAttempts &&
      this.tried.size + 1 < this.model.providers.length;
    if (!again) {
      if (metrics.enabled && this.count > 1)
        metrics.retriesExhausted.inc({ model_name: this.model.name, last_error_code: err.code });
      throw err;
    }
    this.tried.add(attempt.provider.id);
    if (metrics.enabled) metrics.retries.inc({ model_name: this.model.name, error_code: err.code });
    const line = `provider ${attempt.provider.id} failed (${err.code}); trying another provider of ${this.model.name}`;
    this.f.logger.warn(line, scoped(this.scope));
  }

  private settle(attempt: ProviderAttempt, ok: boolean): void {
    if (ok) this.f.breaker.success(attempt.provider.id);
    else this.f.breaker.failure(attempt.provider.id);
    this.f.selector.strategyOf.observe?.(attempt.provider, { ok, latencyMs: attempt.elapsedMs });
  }
}
