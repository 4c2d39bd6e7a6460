import client from 'prom-client';

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SIZE_BUCKETS = [100, 1_000, 10_000, 100_000, 1_000_000];
const PROVIDER_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const METRICS = Symbol('Metrics');

/** The reference's metric names (its section 9.1), on a registry of our own. */
export class Metrics {
  readonly registry = new client.Registry();
  readonly httpRequests = this.counter('http_requests_total', 'HTTP requests', ['method', 'endpoint', 'http_status']);
  readonly httpDuration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration until the last byte',
    labelNames: ['method', 'endpoint'],
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  readonly httpInProgress = new client.Gauge({
    name: 'http_requests_in_progress',
    help: 'HTTP requests being handled',
    registers: [this.registry],
  });
  readonly httpExceptions = this.counter('http_request_exceptions_total', 'HTTP requests answered 5xx', [
    'method',
    'endpoint',
  ]);
  readonly requestSize = new client.Histogram({
    name: 'http_request_size_bytes',
    help: 'Request body size',
    labelNames: ['method', 'endpoint'],
    buckets: SIZE_BUCKETS,
    registers: [this.registry],
  });
  readonly responseSize = new client.Histogram({
    name: 'http_response_size_bytes',
    help: 'Response body size (non-streamed)',
    labelNames: ['method', 'endpoint', 'http_status'],
    buckets: SIZE_BUCKETS,
    registers: [this.registry],
  });
  readonly providerCalls = this.counter('llm_router_provider_calls_total', 'Provider calls', [
    'provider_type',
    'model_name',
  ]);
  readonly providerLatency = new client.Histogram({
    name: 'llm_router_provider_latency_seconds',
    help: 'Provider latency until the whole answer (non-streamed)',
    labelNames: ['provider_type', 'model_name'],
    buckets: PROVIDER_BUCKETS,
    registers: [this.registry],
  });
  readonly providerErrors = this.counter('llm_router_provider_error_total', 'Provider errors', [
    'provider_type',
    'model_name',
    'error_code',
  ]);
  readonly strategySelected = this.counter('llm_router_lb_strategy_selected_total', 'Provider selections', [
    'strategy',
    'model_name',
  ]);
  readonly tokens = this.counter('llm_router_tokens_total', 'Tokens reported by providers', [
    'model_name',
    'direction',
    'provider_type',
  ]);
  readonly responseFormat = this.counter('llm_router_response_format_total', 'Streamed vs non-streamed calls', [
    'format',
    'model_name',
    'provider_type',
  ]);
  readonly routingDecisions = this.counter(
    'llm_router_routing_decisions_total',
    'Requests for model "auto" a routing plugin sent to a model',
    ['plugin', 'target', 'model_name'],
  );
  readonly ragRetrievals = this.counter('llm_router_rag_retrievals_total', 'RAG lookups, by outcome', [
    'collection',
    'outcome',
  ]);
  readonly guardrailIncidents = this.counter('guardrail_incidents_total', 'Requests or answers a guardrail blocked', [
    'plugin',
    'category',
    'direction',
  ]);
  readonly guardrailFailures = this.counter(
    'llm_router_guardrail_failures_total',
    'Guardrails that failed and were passed (fail-open)',
    ['plugin'],
  );
  readonly maskerIncidents = new client.Counter({
    name: 'masker_incidents_total',
    help: 'Requests whose payload masking changed',
    registers: [this.registry],
  });
  readonly maskerRuleHits = this.counter('llm_router_masker_hits_total', 'Values masked, by placeholder tag', ['tag']);
  readonly retries = this.counter('llm_router_retry_total', 'Requests tried again on another provider', [
    'model_name',
    'error_code',
  ]);
  readonly retriesExhausted = this.counter(
    'llm_router_retry_exhausted_total',
    'Requests that failed on every attempt',
    ['model_name', 'last_error_code'],
  );
  readonly circuitOpen = new client.Gauge({
    name: 'llm_router_circuit_open',
    help: 'Circuit breaker open (1) or closed (0), per provider',
    labelNames: ['provider'],
    registers: [this.registry],
  });
  readonly providerUp = new client.Gauge({
    name: 'llm_router_provider_up',
    help: 'Last health probe: up (1) or down (0)',
    labelNames: ['provider'],
    registers: [this.registry],
  });
  readonly dynamicWeight = new client.Gauge({
    name: 'llm_router_provider_dynamic_weight',
    help: 'Effective weight under dynamic_weighted',
    labelNames: ['provider'],
    registers: [this.registry],
  });
  readonly sidecarLatency = new client.Histogram({
    name: 'llm_router_sidecar_latency_seconds',
    help: 'Calls to sidecar services (guards, PII masker), by outcome',
    labelNames: ['service', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly sidecarUp = new client.Gauge({
    name: 'llm_router_sidecar_up',
    help: 'Last ping of a sidecar service: up (1) or down (0)',
    labelNames: ['service'],
    registers: [this.registry],
  });
  readonly auditRecords = this.counter('llm_router_audit_records_total', 'Audit records written', ['type']);
  readonly auditWriteFailures = new client.Counter({
    name: 'llm_router_audit_write_failures_total',
    help: 'Failed attempts to write an audit record (it stays queued)',
    registers: [this.registry],
  });
  readonly auditDropped = new client.Counter({
    name: 'llm_router_audit_dropped_total',
    help: 'Audit records dropped because the queue was full',
    registers: [this.registry],
  });
  readonly auditQueue = new client.Gauge({
    name: 'llm_router_audit_queue_depth',
    help: 'Audit records waiting to be written',
    registers: [this.registry],
  });
  readonly payloadConversions = this.counter('llm_router_payload_conversion_total', 'Dialect conversions', [
    'from_type',
    'to_type',
  ]);

  readonly modelsConfig = new client.Gauge({
    name: 'llm_router_models_config_info',
    help: "The models config in force (1), by version: the first 12 hex digits of the file's SHA-256",
    labelNames: ['version'],
    registers: [this.registry],
  });
  readonly keyRequests = this.counter('llm_router_key_requests_total', 'Requests by API key id and status', [
    'key_id',
    'http_status',
  ]);
  readonly keyTokens = this.counter('llm_router_key_tokens_total', 'Tokens by API key id, model and direction', [
    'key_id',
    'model_name',
    'direction',
  ]);
  readonly keyCost = this.counter(
    'llm_router_key_cost_total',
    "Cost by API key id and model, in the unit of the models' pricing",
    ['key_id', 'model_name'],
  );
  readonly modelsReloads = this.counter('llm_router_models_config_reloads_total', 'Models config reloads', ['result']);
  private storeReady: () => Promise<boolean> = () => Promise.resolve(true);
  readonly stateStoreUp = (() => {
    const metrics = this;
    return new client.Gauge({
      name: 'llm_router_state_store_up',
      help: 'The shared state store (Redis, or memory) answers (1) or not (0), asked at each scrape',
      registers: [this.registry],
      async collect() {
        this.set((await metrics.storeReady()) ? 1 : 0);
      },
    });
  })();

  constructor(readonly enabled: boolean) {}

  /** How a scrape learns whether the state store answers. */
  watchStore(ready: () => Promise<boolean>): void {
    this.storeReady = ready;
  }

  /** The models config version now in force (the only one with value 1). */
  configVersion(version: string): void {
    this.modelsConfig.reset();
    this.modelsConfig.set({ version }, 1);
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]) {
    return new client.Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }
}
