/** Every setting of a gateway process, parsed once from the environment (settings.ts reads them). */
export interface Settings {
  readonly prefix: string;
  readonly host: string;
  readonly port: number;
  readonly workers: number;
  readonly upstreamTimeoutMs: number;
  /** Whole-request deadline; 0 means none. */
  readonly requestTimeoutMs: number;
  readonly maxBodyBytes: number;
  /** The largest whole (non-streamed) answer read from a provider; past it the answer is a provider fault. */
  readonly maxAnswerBytes: number;
  /** How long a stream may take to its first event before the provider counts as failed; 0: the upstream timeout. */
  readonly firstTokenTimeoutMs: number;
  /** How long a stream is held after its first event, waiting for its second, so that it can still fail over. */
  readonly streamHoldMs: number;
  /** How long a stop waits for requests in flight before ending them with an error. */
  readonly shutdownTimeoutMs: number;
  /** How long a client may take to send its request headers, and then its body. */
  readonly clientTimeouts: { readonly headersMs: number; readonly bodyMs: number };
  readonly modelsConfigPath: string;
  /** The bearer token of the admin endpoints; empty: they do not exist. */
  readonly adminToken: string;
  /** API keys (LLM_ROUTER_AUTH_…); null when auth is off. */
  readonly auth: {
    readonly store: 'memory' | 'redis';
    readonly seedFile: string;
    /** Full paths that need no key. */
    readonly publicPaths: readonly string[];
    readonly rotationGraceMs: number;
    readonly redis: { host: string; port: number; db: number; password: string; prefix: string; timeoutMs: number };
    /** Failed authentications allowed per client address and minute. */
    readonly failuresPerMinute: number;
  } | null;
  /** Converted Responses answers kept for previous_response_id (data at rest: off unless asked for). */
  readonly responsesStore: { readonly enabled: boolean; readonly ttlMs: number };
  readonly promptsDir: string;
  readonly defaultLanguage: 'pl' | 'en';
  readonly balanceStrategy: string;
  readonly log: { readonly level: string; readonly json: boolean; readonly file: string | null };
  readonly prometheus: boolean;
  readonly redis: {
    readonly host: string;
    readonly port: number;
    readonly db: number;
    readonly password: string;
    readonly prefix: string;
    readonly timeoutMs: number;
    /** `refuse`: 503 state_unavailable while Redis fails; `local`: this instance's own state, with a warning. */
    readonly failMode: 'refuse' | 'local';
    /** How long start-up keeps trying to reach Redis before it stops (or, in `local` mode, starts on local state). */
    readonly startupRetryMs: number;
  } | null;
  readonly balancing: {
    readonly waitTimeoutMs: number;
    readonly maxAttempts: number;
    readonly leaseTtlMs: number;
    readonly monitorIntervalMs: number;
    readonly keepAliveIntervalMs: number;
    readonly breakerFailures: number;
    readonly breakerCooldownMs: number;
    /** The longest Retry-After a request waits out to try its last provider once more (0: never). */
    readonly sameProviderRetryMaxWaitMs: number;
  };
  readonly masking: {
    readonly force: boolean;
    readonly pipeline: readonly string[];
    readonly audit: boolean;
    readonly restore: boolean;
  };
  readonly guardrails: {
    /** `error`: a block is a 403; `assistant_message`: an ordinary answer saying the request was refused. */
    readonly rejection: 'error' | 'assistant_message';
    /** `closed`: a failing guardrail refuses the request (503); `open`: it passes, with a warning and a metric. */
    readonly failMode: 'closed' | 'open';
    readonly request: { readonly force: boolean; readonly pipeline: readonly string[]; readonly audit: boolean };
    readonly response: { readonly force: boolean; readonly pipeline: readonly string[]; readonly audit: boolean };
    /** Characters of a streamed answer held and checked at a time by response guardrails. */
    readonly streamWindowChars: number;
  };
  /** Where encrypted audit records go and the public keys they are encrypted to; null when nothing is audited. */
  readonly audit: { readonly dir: string; readonly keysDir: string; readonly queueSize: number } | null;
  /** The sidecar services' base URLs (empty when unset), their timeout and the ping interval (0: off). */
  readonly sidecars: {
    readonly piiMaskerHost: string;
    readonly naskGuardHost: string;
    readonly sojkaGuardHost: string;
    readonly httpGuardHost: string;
    readonly httpGuardNames: readonly string[];
    readonly monitorIntervalMs: number;
    readonly timeoutMs: number;
  };
  readonly utils: readonly string[];
  /** langchain_rag's settings (LLM_ROUTER_LANGCHAIN_RAG_…); checked by the plugin when it is listed. */
  readonly rag: {
    readonly collection: string;
    readonly embedder: string;
    readonly device: string;
    readonly chunkSize: number;
    readonly chunkOverlap: number;
    /** Empty: resources/rag/<collection>/. */
    readonly persistDir: string;
    readonly topK: number;
  };
  /** The routing plugins' settings (LLM_ROUTER_ROUTING_…); empty strings and 0 mean "as the config file says". */
  readonly routing: {
    readonly simpleConfig: string;
    readonly models: string;
    readonly thresholds: string;
    readonly defaultModel: string;
    /** LLM_ROUTER_ROUTING_INTENT_<CATEGORY> → its value, category lower-cased. */
    readonly intents: Readonly<Record<string, string>>;
    readonly biencoder: {
      readonly config: string;
      readonly model: string;
      readonly targets: string;
      readonly chunkSize: number;
      /** −1: as the config says. */
      readonly chunkOverlap: number;
      readonly persistDir: string;
    };
  };
}
