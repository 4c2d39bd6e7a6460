import type { ModelConfig, ProviderConfig } from '../config/models-config.js';
import type { Usage } from '../dialects/canonical.js';
import type { Json } from '../dialects/request-fields.js';
import type { GatewayError } from '../errors/gateway-error.js';
import type { RequestScope } from '../logging/request-scope.js';
import type { Metrics } from '../metrics/metrics.js';
import type { Operation, ProviderType } from '../providers/provider-type.js';
import {
  readAnswer,
  transportError,
  type UpstreamClient,
  type UpstreamResponse,
  unexpectedStatus,
  upstreamHttpError,
} from '../providers/upstream-client.js';
import type { ProviderLease } from './strategy.js';

// Keys a provider without `tool_calling` must not receive.
const TOOL_KEYS = ['tools', 'tool_choice', 'functions', 'function_call', 'parallel_tool_calls'] as const;

// How transport failures are labelled in llm_router_provider_error_total (the reference's values).
const ERROR_LABELS: Readonly<Partial<Record<GatewayError['code'], string>>> = {
  upstream_timeout: 'timeout',
  upstream_unreachable: 'connection_error',
};

/** One attempt on one provider of a model: sends, measures, and releases its lease exactly once. */
export class ProviderAttempt {
  readonly provider: ProviderConfig;
  private response: UpstreamResponse | null = null;
  /** A stream the provider broke off after the client had bytes of it: not a success, though nothing can fail over. */
  brokeOff: GatewayError | null = null;
  private readonly startedAt = performance.now();
  private answeredAt = 0;

  constructor(
    /** 1 for the first provider tried, 2 for the first fallback, … */
    readonly number: number,
    readonly model: ModelConfig,
    private readonly lease: ProviderLease,
    readonly type: ProviderType,
    private readonly upstream: UpstreamClient,
    private readonly metrics: Metrics,
    private readonly signal: AbortSignal,
    private readonly scope: RequestScope,
  ) {
    this.provider = lease.provider;
  }

  get metricsOn(): boolean {
    return this.metrics.enabled;
  }

  /** The provider's stream goes on: it is answering (the health monitor reads this). */
  streaming(): void {
    this.upstream.streaming(this.provider.id);
  }

  /** Whether the provider sent its answer's headers. */
  get answered(): boolean {
    return this.answeredAt !== 0;
  }

  /** Time since the request was sent. */
  get ageMs(): number {
    return performance.now() - this.startedAt;
  }

  /** Time until the provider answered (its headers), or until now if it has not. */
  get elapsedMs(): number {
    return (this.answeredAt || performance.now()) - this.startedAt;
  }

  get upstreamModel(): string {
    return this.provider.model_path || this.model.name;
  }

  /** A body for this provider: its model name, the stream flag, no tools where it has none (a copy). */
  alias<T extends Json>(body: T, stream: boolean): T {
    const out: Json = { ...body, model: this.upstreamModel, stream };
    if (!this.provider.tool_calling) for (const k of TOOL_KEYS) delete out[k];
    return out as T;
  }

  /** Sends the payload; a provider error status is thrown as the error the client will see. */
  /** `headersTimeoutMs` (streams: the first-token timeout) bounds the wait for the answer's headers; 0: the default. */
  async send(op: Operation, payload: Json, stream: boolean, headersTimeoutMs = 0): Promise<UpstreamResponse> {
    if (this.metrics.enabled) {
      const labels = { provider_type: this.type.apiType, model_name: this.model.name };
      this.metrics.providerCalls.inc(labels);
      this.metrics.responseFormat.inc({ ...labels, format: stream ? 'streamed' : 'non_streamed' });
    }
    try {
      this.response = await this.upstream.send(
        this.provider,
        this.type,
        op,
        this.type.path(op)!,
        JSON.stringify(payload),
        this.signal,
        this.scope.requestId,
        headersTimeoutMs,
      );
    } catch (err) {
      this.failed(err as GatewayError);
      throw err;
    }
    this.answeredAt = performance.now();
    if (this.response.status !== 200) {
      this.countError(String(this.response.status));
      if (this.response.status >= 400) throw await upstreamHttpError(this.response, this.provider.id);
      throw await unexpectedStatus(this.response, this.provider.id);
    }
    return this.response;
  }

  /** A non-streamed call: the whole body, or the provider's error as the client will see it. */
  async unary(op: Operation, payload: Json): Promise<{ raw: string; contentType: string }> {
    const res = await this.send(op, payload, false);
    let raw: string;
    try {
      raw = await readAnswer(res.body, this.upstream.maxAnswerBytes, this.provider.id);
    } catch (err) {
      const error = transportError(err, this.provider.id, this.signal, true);
      this.failed(error);
      throw error;
    }
    if (this.metrics.enabled) {
      const labels = { provider_type: this.type.apiType, model_name: this.model.name };
      this.metrics.providerLatency.observe(labels, (performance.now() - this.startedAt) / 1000);
    }
    return { raw, contentType: res.contentType };
  }

  upstreamBody(): UpstreamResponse['body'] {
    return this.response!.body;
  }

  get contentType(): string {
    return this.response?.contentType ?? '';
  }

  failed(err: GatewayError): void {
    this.countError(ERROR_LABELS[err.code] ?? err.code);
  }

  /** Counts the tokens the provider reported (prompt_tokens: every input token, cached ones included). */
  recordUsage(usage: Usage | null | undefined): void {
    // A key's answer counts as a request even when the backend reported no tokens.
    this.scope.account?.record(this.model.name, usage?.prompt_tokens ?? 0, usage?.completion_tokens ?? 0);
    if (!usage || !this.metrics.enabled) return;
    const labels = { model_name: this.model.name, provider_type: this.type.apiType };
    this.metrics.tokens.inc({ ...labels, direction: 'input' }, usage.prompt_tokens ?? 0);
    this.metrics.tokens.inc({ ...labels, direction: 'output' }, usage.completion_tokens ?? 0);
    const keyId = this.scope.keyId;
    if (keyId) {
      const byKey = { key_id: keyId, model_name: this.model.name };
      this.metrics.keyTokens.inc({ ...byKey, direction: 'input' }, usage.prompt_tokens ?? 0);
      this.metrics.keyTokens.inc({ ...byKey, direction: 'output' }, usage.completion_tokens ?? 0);
    }
  }

  release(): void {
    this.lease.release();
  }

  private countError(code: string): void {
    if (!this.metrics.enabled) return;
    this.metrics.providerErrors.inc({
      provider_type: this.type.apiType,
      model_name: this.model.name,
      error_code: code,
    });
  }
}
