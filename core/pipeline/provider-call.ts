import { inject, singleton } from 'tsyringe';
import { MODELS_CONFIG, type ModelConfig, type ModelsConfig, type ProviderConfig } from '../config/models-config.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import { CircuitBreaker } from '../balancing/circuit-breaker.js';
import { ProviderSelector } from '../balancing/provider-selector.js';
import type { ProviderLease } from '../balancing/strategy.js';
import type { ChatCompletion, ChatRequest } from '../dialects/canonical.js';
import type { Json } from '../dialects/request-fields.js';
import { GatewayError, internalError, modelNotFound } from '../errors/gateway-error.js';
import type { Exchange } from '../http/exchange.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import type { Operation, ProviderType } from '../providers/provider-type.js';
import { PROVIDER_TYPES, type ProviderTypes } from '../providers/provider-types.js';
import { toGatewayError, upstreamHttpError, UpstreamClient, type UpstreamResponse } from '../providers/upstream-client.js';

// Keys a provider without `tool_calling` must not receive.
const TOOL_KEYS = ['tools', 'tool_choice', 'functions', 'function_call', 'parallel_tool_calls'] as const;

// What the provider is to blame for: another provider may well succeed.
const PROVIDER_FAULTS = new Set(['upstream_unreachable', 'upstream_timeout', 'upstream_failed', 'upstream_bad_response', 'upstream_stream_error', 'upstream_rate_limited']);

const retryAfterSeconds = (err: GatewayError): number => {
  const raw = err.headers['retry-after'];
  const n = Number(raw);
  if (raw && Number.isFinite(n)) return n;
  const date = raw ? Date.parse(raw) : NaN;
  return Number.isNaN(date) ? 1 : Math.max(0, (date - Date.now()) / 1000);
};

/**
 * Runs a request on the providers of its model: leases one, runs the attempt, and on a failure the provider
 * caused — before any byte reached the client — tries the next one (LLM_ROUTER_MAX_PROVIDER_ATTEMPTS).
 * Every outcome feeds the circuit breaker and the strategy; a 429 cools the provider down for its Retry-After.
 */
@singleton()
export class ProviderCall {
  constructor(
    @inject(MODELS_CONFIG) private readonly models: ModelsConfig,
    @inject(ProviderSelector) private readonly selector: ProviderSelector,
    @inject(PROVIDER_TYPES) private readonly types: ProviderTypes,
    @inject(UpstreamClient) private readonly upstream: UpstreamClient,
    @inject(CircuitBreaker) private readonly breaker: CircuitBreaker,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(LOGGER) private readonly logger: Logger,
  ) {}

  model(name: string): ModelConfig {
    const model = this.models.models.get(name);
    if (!model) throw modelNotFound(name);
    return model;
  }

  async run(model: ModelConfig, ex: Exchange, attempt: (call: PreparedCall) => Promise<void>): Promise<void> {
    const tried = new Set<string>();
    for (let n = 1; ; n++) {
      const lease = await this.selector.acquire(model, ex.signal, tried);
      if (this.metrics.enabled) this.metrics.strategySelected.inc({ strategy: this.settings.balanceStrategy, model_name: model.name });
      const call = new PreparedCall(model, lease, this.types.get(lease.provider.api_type)!, this.upstream, this.metrics, ex.signal);
      if (!ex.res.headersSent) {
        ex.res.setHeader('x-llm-router-provider', lease.provider.id);
        ex.res.setHeader('x-llm-router-fallback', n > 1 ? 'true' : 'false');
      }
      try {
        await attempt(call);
        this.settle(call.provider, true, call.elapsedMs);
        return;
      } catch (err) {
        const error = err instanceof GatewayError ? err : internalError();
        if (!PROVIDER_FAULTS.has(error.code)) throw err;
        this.settle(call.provider, false, call.elapsedMs);
        if (error.code === 'upstream_rate_limited') this.selector.coolDown(call.provider, retryAfterSeconds(error));
        const again = !ex.res.headersSent && !ex.signal.aborted && n < this.settings.balancing.maxAttempts && tried.size + 1 < model.providers.length;
        if (!again) {
          if (this.metrics.enabled && n > 1) this.metrics.retriesExhausted.inc({ model_name: model.name, last_error_code: error.code });
          throw err;
        }
        tried.add(call.provider.id);
        if (this.metrics.enabled) this.metrics.retries.inc({ model_name: model.name, error_code: error.code });
        this.logger.warn(`provider ${call.provider.id} failed (${error.code}); trying another provider of ${model.name}`);
      } finally {
        call.release();
      }
    }
  }

  countConversion(from: string, to: string): void {
    if (this.metrics.enabled) this.metrics.payloadConversions.inc({ from_type: from, to_type: to });
  }

  private settle(provider: ProviderConfig, ok: boolean, latencyMs: number): void {
    if (ok) this.breaker.success(provider.id);
    else this.breaker.failure(provider.id);
    this.selector.strategyOf.observe?.(provider, { ok, latencyMs });
  }
}

/** One attempt on one provider: sends, measures and releases its lease exactly once. */
export class PreparedCall {
  readonly provider: ProviderConfig;
  private response: UpstreamResponse | null = null;
  private readonly startedAt = performance.now();
  private answeredAt = 0;

  constructor(
    readonly model: ModelConfig,
    private readonly lease: ProviderLease,
    readonly type: ProviderType,
    private readonly upstream: UpstreamClient,
    private readonly metrics: Metrics,
    private readonly signal: AbortSignal,
  ) {
    this.provider = lease.provider;
  }

  get metricsOn(): boolean {
    return this.metrics.enabled;
  }

  /** Time until the provider answered (its headers), or until now if it has not. */
  get elapsedMs(): number {
    return (this.answeredAt || performance.now()) - this.startedAt;
  }

  get upstreamModel(): string {
    return this.provider.model_path || this.model.name;
  }

  /** A same-protocol body for this provider (a copy: another attempt may need the original). */
  aliasBody(body: Json, stream: boolean): Json {
    const out: Json = { ...body, model: this.upstreamModel, stream };
    if (!this.provider.tool_calling) for (const k of TOOL_KEYS) delete out[k];
    return out;
  }

  aliasCanonical(request: ChatRequest): ChatRequest {
    return this.aliasBody(request, request.stream === true) as ChatRequest;
  }

  async send(op: Operation, path: string, payload: Json, stream: boolean): Promise<UpstreamResponse> {
    if (this.metrics.enabled) {
      const labels = { provider_type: this.type.apiType, model_name: this.model.name };
      this.metrics.providerCalls.inc(labels);
      this.metrics.responseFormat.inc({ ...labels, format: stream ? 'streamed' : 'non_streamed' });
    }
    try {
      this.response = await this.upstream.send(this.provider, this.type, op, path, JSON.stringify(payload), this.signal);
    } catch (err) {
      this.failed(err as GatewayError);
      throw err;
    }
    this.answeredAt = performance.now();
    if (this.response.status >= 400) {
      this.countError(String(this.response.status));
      throw await upstreamHttpError(this.response, this.provider.id);
    }
    return this.response;
  }

  /** A non-streamed call: the whole body, or the provider's error as the client will see it. */
  async unary(op: Operation, path: string, payload: Json): Promise<{ raw: string; contentType: string }> {
    const res = await this.send(op, path, payload, false);
    let raw: string;
    try {
      raw = await res.body.text();
    } catch (err) {
      const error = toGatewayError(err, this.provider.id, this.signal, true);
      this.failed(error);
      throw error;
    }
    if (this.metrics.enabled) this.metrics.providerLatency.observe({ provider_type: this.type.apiType, model_name: this.model.name }, (performance.now() - this.startedAt) / 1000);
    return { raw, contentType: res.contentType };
  }

  upstreamBody(): UpstreamResponse['body'] {
    return this.response!.body;
  }

  failed(err: GatewayError): void {
    this.countError(err.code === 'upstream_timeout' ? 'timeout' : err.code === 'upstream_unreachable' ? 'connection_error' : err.code);
  }

  recordUsage(completion: ChatCompletion | null): void {
    if (!this.metrics.enabled || !completion?.usage) return;
    const labels = { model_name: this.model.name, provider_type: this.type.apiType };
    this.metrics.tokens.inc({ ...labels, direction: 'input' }, completion.usage.prompt_tokens ?? 0);
    this.metrics.tokens.inc({ ...labels, direction: 'output' }, completion.usage.completion_tokens ?? 0);
  }

  release(): void {
    this.lease.release();
  }

  private countError(code: string): void {
    if (this.metrics.enabled) this.metrics.providerErrors.inc({ provider_type: this.type.apiType, model_name: this.model.name, error_code: code });
  }
}
