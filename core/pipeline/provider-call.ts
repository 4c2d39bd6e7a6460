import { inject, singleton } from 'tsyringe';
import { MODELS_CONFIG, type ModelConfig, type ModelsConfig, type ProviderConfig } from '../config/models-config.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import { BALANCE_STRATEGY, type BalanceStrategy, type ProviderLease } from '../balancing/strategy.js';
import type { ChatCompletion, ChatRequest } from '../dialects/canonical.js';
import { requireString, type Json } from '../dialects/request-fields.js';
import { modelNotFound, type GatewayError } from '../errors/gateway-error.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import type { Operation, ProviderType } from '../providers/provider-type.js';
import { PROVIDER_TYPES, type ProviderTypes } from '../providers/provider-types.js';
import { toGatewayError, upstreamHttpError, UpstreamClient, type UpstreamResponse } from '../providers/upstream-client.js';

// Keys a provider without `tool_calling` must not receive.
const TOOL_KEYS = ['tools', 'tool_choice', 'functions', 'function_call', 'parallel_tool_calls'] as const;

/** Resolves a request's model to a leased provider. */
@singleton()
export class ProviderCall {
  constructor(
    @inject(MODELS_CONFIG) private readonly models: ModelsConfig,
    @inject(BALANCE_STRATEGY) private readonly strategy: BalanceStrategy,
    @inject(PROVIDER_TYPES) private readonly types: ProviderTypes,
    @inject(UpstreamClient) private readonly upstream: UpstreamClient,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async prepare(body: Json, signal: AbortSignal): Promise<PreparedCall> {
    const name = requireString(body, 'model');
    const model = this.models.models.get(name);
    if (!model) throw modelNotFound(name);
    const lease = await this.strategy.acquire(model, signal);
    if (this.metrics.enabled) this.metrics.strategySelected.inc({ strategy: this.settings.balanceStrategy, model_name: name });
    return new PreparedCall(model, lease, this.types.get(lease.provider.api_type)!, this.upstream, this.metrics, signal);
  }

  countConversion(from: string, to: string): void {
    if (this.metrics.enabled) this.metrics.payloadConversions.inc({ from_type: from, to_type: to });
  }
}

/** One request's provider: sends, measures and releases exactly once. */
export class PreparedCall {
  readonly provider: ProviderConfig;
  private response: UpstreamResponse | null = null;
  private startedAt = 0;

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

  get upstreamModel(): string {
    return this.provider.model_path || this.model.name;
  }

  /** Prepares a same-protocol body: upstream model name, explicit stream flag, tools only where supported. */
  aliasBody(body: Json, stream: boolean): Json {
    body['model'] = this.upstreamModel;
    body['stream'] = stream;
    if (!this.provider.tool_calling) for (const k of TOOL_KEYS) delete body[k];
    return body;
  }

  /** Like aliasBody, on a copy: the client's own body still names the model it asked for. */
  aliasCanonical(request: ChatRequest): ChatRequest {
    return this.aliasBody({ ...request }, request.stream === true) as ChatRequest;
  }

  async send(op: Operation, path: string, payload: Json, stream: boolean): Promise<UpstreamResponse> {
    if (this.metrics.enabled) {
      const labels = { provider_type: this.type.apiType, model_name: this.model.name };
      this.metrics.providerCalls.inc(labels);
      this.metrics.responseFormat.inc({ ...labels, format: stream ? 'streamed' : 'non_streamed' });
    }
    this.startedAt = performance.now();
    try {
      this.response = await this.upstream.send(this.provider, this.type, op, path, JSON.stringify(payload), this.signal);
    } catch (err) {
      this.failed(err as GatewayError);
      throw err;
    }
    if (this.response.status >= 400) this.countError(String(this.response.status));
    return this.response;
  }

  /** A non-streamed call: the whole body, or the provider's error as the client will see it. */
  async unary(op: Operation, path: string, payload: Json): Promise<{ raw: string; contentType: string }> {
    const res = await this.send(op, path, payload, false);
    if (res.status >= 400) throw await upstreamHttpError(res, this.provider.id);
    let raw: string;
    try {
      raw = await res.body.text();
    } catch (err) {
      const error = toGatewayError(err, this.provider.id, this.signal, true);
      this.failed(error);
      throw error;
    }
    this.finished();
    return { raw, contentType: res.contentType };
  }

  upstreamBody(): UpstreamResponse['body'] {
    return this.response!.body;
  }

  finished(): void {
    if (!this.metrics.enabled) return;
    this.metrics.providerLatency.observe({ provider_type: this.type.apiType, model_name: this.model.name }, (performance.now() - this.startedAt) / 1000);
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
