import { z } from 'zod';
import { StartupError } from '../errors/startup-error.js';
import { envBool, envEnum, envInt, envList, envSeconds, envString } from './env-values.js';
import type { Settings } from './settings-shape.js';

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

const schema = z.object({
  LLM_ROUTER_EP_PREFIX: envString('/api').transform(normalisePrefix),
  LLM_ROUTER_SERVER_HOST: envString('127.0.0.1'),
  LLM_ROUTER_SERVER_PORT: envInt(8080, 0, 65535),
  LLM_ROUTER_SERVER_WORKERS_COUNT: envInt(1, 1, 256),
  LLM_ROUTER_EXTERNAL_TIMEOUT: envSeconds(300, 0.001),
  LLM_ROUTER_TIMEOUT: envSeconds(0),
  LLM_ROUTER_MAX_REQUEST_BODY_SIZE: envInt(10 * 1024 * 1024, 1),
  LLM_ROUTER_MAX_RESPONSE_BODY_SIZE: envInt(64 * 1024 * 1024, 1),
  LLM_ROUTER_FIRST_TOKEN_TIMEOUT: envSeconds(0),
  LLM_ROUTER_STREAM_HOLD_MS: envInt(250, 0, 10_000),
  LLM_ROUTER_SHUTDOWN_TIMEOUT_SECONDS: envSeconds(25),
  LLM_ROUTER_CLIENT_HEADERS_TIMEOUT_SECONDS: envSeconds(20, 0.1),
  LLM_ROUTER_CLIENT_BODY_TIMEOUT_SECONDS: envSeconds(60, 0.1),
  LLM_ROUTER_MODELS_CONFIG: envString('configs/models-config.json'),
  LLM_ROUTER_ADMIN_TOKEN: envString(''),
  LLM_ROUTER_RESPONSES_STORE: envBool(false),
  LLM_ROUTER_AUTH_ENABLED: envBool(false),
  LLM_ROUTER_AUTH_KEY_STORE: envEnum(['memory', 'redis'] as const, 'memory'),
  LLM_ROUTER_AUTH_MEMORY_SEED_FILE: envString('configs/auth-keys.json'),
  LLM_ROUTER_AUTH_PUBLIC_ENDPOINTS: envList(),
  LLM_ROUTER_AUTH_ROTATION_GRACE_PERIOD: envSeconds(3600),
  LLM_ROUTER_AUTH_REDIS_HOST: envString(''),
  LLM_ROUTER_AUTH_REDIS_PORT: envInt(0, 0, 65535),
  LLM_ROUTER_AUTH_REDIS_DB: envInt(-1, -1, 1024),
  LLM_ROUTER_AUTH_REDIS_PASSWORD: envString(''),
  LLM_ROUTER_AUTH_FAILURES_PER_MINUTE: envInt(30, 1, 1_000_000),
  LLM_ROUTER_RESPONSES_STORE_TTL_SECONDS: envSeconds(3600, 1),
  LLM_ROUTER_PROMPTS_DIR: envString('prompts'),
  LLM_ROUTER_DEFAULT_EP_LANGUAGE: envEnum(['pl', 'en'] as const, 'pl'),
  LLM_ROUTER_BALANCE_STRATEGY: envString('balanced'),
  LLM_ROUTER_LOG_LEVEL: envString('info').transform((v, ctx) => {
    const level = v.toLowerCase() === 'warning' ? 'warn' : v.toLowerCase();
    if ((LOG_LEVELS as readonly string[]).includes(level)) return level as (typeof LOG_LEVELS)[number];
    ctx.addIssue({ code: 'custom', message: `expected one of ${LOG_LEVELS.join(', ')}` });
    return z.NEVER;
  }),
  LLM_ROUTER_IN_DEBUG: envBool(false),
  LLM_ROUTER_LOG_JSON: envBool(false),
  LLM_ROUTER_LOG_TO_FILE: envBool(false),
  LLM_ROUTER_LOG_FILENAME: envString('llm-router.log'),
  LLM_ROUTER_USE_PROMETHEUS: envBool(false),
  LLM_ROUTER_REDIS_HOST: envString(''),
  LLM_ROUTER_REDIS_PORT: envInt(6379, 1, 65535),
  LLM_ROUTER_REDIS_DB: envInt(0, 0, 1024),
  LLM_ROUTER_REDIS_PASSWORD: envString(''),
  LLM_ROUTER_REDIS_KEY_PREFIX: envString('llm-router:'),
  LLM_ROUTER_REDIS_TIMEOUT_SECONDS: envSeconds(2, 0.01),
  LLM_ROUTER_REDIS_FAIL_MODE: envEnum(['refuse', 'local'] as const, 'refuse'),
  LLM_ROUTER_REDIS_STARTUP_RETRY_SECONDS: envSeconds(0),
  LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS: envSeconds(60, 0),
  LLM_ROUTER_MAX_PROVIDER_ATTEMPTS: envInt(3, 1, 20),
  LLM_ROUTER_PROVIDER_LEASE_TTL_SECONDS: envSeconds(30, 1),
  LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS: envSeconds(5, 0),
  LLM_ROUTER_KEEPALIVE_MODEL_MONITOR_INTERVAL_SECONDS: envSeconds(1, 0),
  LLM_ROUTER_CIRCUIT_BREAKER_FAILURES: envInt(3, 1, 1000),
  LLM_ROUTER_SAME_PROVIDER_RETRY_MAX_WAIT_SECONDS: envSeconds(5, 0),
  LLM_ROUTER_CIRCUIT_BREAKER_COOLDOWN_SECONDS: envSeconds(30, 0),
  LLM_ROUTER_FORCE_MASKING: envBool(false),
  LLM_ROUTER_MASKING_STRATEGY_PIPELINE: envList(),
  LLM_ROUTER_MASKING_WITH_AUDIT: envBool(false),
  LLM_ROUTER_MASKING_RESTORE: envBool(true),
  LLM_ROUTER_FORCE_GUARDRAIL_REQUEST: envBool(false),
  LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST: envList(),
  LLM_ROUTER_GUARDRAIL_WITH_AUDIT_REQUEST: envBool(false),
  LLM_ROUTER_FORCE_GUARDRAIL_RESPONSE: envBool(false),
  LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_RESPONSE: envList(),
  LLM_ROUTER_GUARDRAIL_WITH_AUDIT_RESPONSE: envBool(false),
  LLM_ROUTER_UTILS_PLUGINS_PIPELINE: envList(),
  LLM_ROUTER_REJECTION_MODE: envEnum(['error', 'assistant_message'] as const, 'error'),
  LLM_ROUTER_GUARDRAIL_FAIL_MODE: envEnum(['closed', 'open'] as const, 'closed'),
  LLM_ROUTER_GUARDRAIL_STREAM_WINDOW: envInt(200, 1, 1_000_000),
  LLM_ROUTER_MASKER_PII_HOST: envString(''),
  LLM_ROUTER_AUDIT_DIR: envString('logs/auditor'),
  LLM_ROUTER_AUDIT_KEYS_DIR: envString('resources/keys'),
  LLM_ROUTER_AUDIT_QUEUE_SIZE: envInt(10_000, 1, 10_000_000),
  LLM_ROUTER_GUARDRAIL_NASK_GUARD_HOST: envString(''),
  LLM_ROUTER_GUARDRAIL_SOJKA_GUARD_HOST: envString(''),
  LLM_ROUTER_GUARDRAIL_HTTP_GUARD_HOST: envString(''),
  LLM_ROUTER_GUARDRAIL_HTTP_GUARD_NAMES: envList(),
  LLM_ROUTER_SERVICES_MONITOR_INTERVAL_SECONDS: envSeconds(5, -1e9),
  LLM_ROUTER_SERVICES_TIMEOUT_SECONDS: envSeconds(60, 0.001),
  LLM_ROUTER_LANGCHAIN_RAG_COLLECTION: envString(''),
  LLM_ROUTER_LANGCHAIN_RAG_EMBEDDER: envString(''),
  LLM_ROUTER_LANGCHAIN_RAG_DEVICE: envString('cpu'),
  LLM_ROUTER_LANGCHAIN_RAG_CHUNK_SIZE: envInt(400, 1, 100_000),
  LLM_ROUTER_LANGCHAIN_RAG_CHUNK_OVERLAP: envInt(100, 0, 100_000),
  LLM_ROUTER_LANGCHAIN_RAG_PERSIST_DIR: envString(''),
  LLM_ROUTER_LANGCHAIN_RAG_TOP_K: envInt(10, 1, 1000),
  LLM_ROUTER_ROUTING_SIMPLE_CONFIG: envString('resources/routing/semantic/simple.json'),
  LLM_ROUTER_ROUTING_MODELS: envString(''),
  LLM_ROUTER_ROUTING_COMPLEXITY_THRESHOLDS: envString(''),
  LLM_ROUTER_ROUTING_DEFAULT_MODEL: envString(''),
  LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CONFIG: envString('resources/routing/semantic_biencoder.json'),
  LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_MODEL: envString(''),
  LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_TARGETS: envString(''),
  LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CHUNK_SIZE: envInt(0, 0, 100_000),
  LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CHUNK_OVERLAP: envInt(-1, -1, 100_000),
  LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_PERSIST_DIR: envString(''),
  // Accepted for drop-in compatibility; the reference refuses to start without it, we do not need it.
  LLM_ROUTER_MINIMUM: envBool(true),
});

function normalisePrefix(raw: string): string {
  const trimmed = raw.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

type Parsed = z.output<typeof schema>;

export type { Settings } from './settings-shape.js';

export const SETTINGS = Symbol('Settings');

/** Parses the environment once at start-up; a bad value stops start-up naming the variable. */
export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new StartupError(`invalid ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`);
  }
  checkPipelines(result.data);
  return toSettings(result.data, intentOverrides(env));
}

// LLM_ROUTER_ROUTING_INTENT_CODE=… and so on: the category is in the variable's name.
const INTENT_VARIABLE = /^LLM_ROUTER_ROUTING_INTENT_([A-Z0-9_]+)$/;

function intentOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const intents: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const m = INTENT_VARIABLE.exec(name);
    if (m && value !== undefined && value.trim() !== '') intents[m[1]!.toLowerCase()] = value;
  }
  return intents;
}

/** The reference's start-up rules: a forced stage needs a pipeline, an audited stage needs to be forced. */
function checkPipelines(p: Parsed): void {
  const need = (cond: boolean, message: string) => {
    if (cond) throw new StartupError(message);
  };
  need(
    p.LLM_ROUTER_FORCE_MASKING && p.LLM_ROUTER_MASKING_STRATEGY_PIPELINE.length === 0,
    'LLM_ROUTER_FORCE_MASKING is on but LLM_ROUTER_MASKING_STRATEGY_PIPELINE names no masker (e.g. fast_masker)',
  );
  for (const dir of ['REQUEST', 'RESPONSE'] as const) {
    const force = p[`LLM_ROUTER_FORCE_GUARDRAIL_${dir}`];
    need(
      force && p[`LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_${dir}`].length === 0,
      `LLM_ROUTER_FORCE_GUARDRAIL_${dir} is on but LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_${dir} names no guardrail`,
    );
    // With API keys a policy may name guardrails of its own, whose blocks are audited too.
    need(
      p[`LLM_ROUTER_GUARDRAIL_WITH_AUDIT_${dir}`] && !force && !p.LLM_ROUTER_AUTH_ENABLED,
      `LLM_ROUTER_GUARDRAIL_WITH_AUDIT_${dir} needs LLM_ROUTER_FORCE_GUARDRAIL_${dir} (or API keys, whose policies may name guardrails)`,
    );
  }
}

function toSettings(p: Parsed, intents: Record<string, string>): Settings {
  return deepFreeze({
    prefix: p.LLM_ROUTER_EP_PREFIX,
    host: p.LLM_ROUTER_SERVER_HOST,
    port: p.LLM_ROUTER_SERVER_PORT,
    workers: p.LLM_ROUTER_SERVER_WORKERS_COUNT,
    upstreamTimeoutMs: Math.round(p.LLM_ROUTER_EXTERNAL_TIMEOUT * 1000),
    requestTimeoutMs: Math.round(p.LLM_ROUTER_TIMEOUT * 1000),
    maxBodyBytes: p.LLM_ROUTER_MAX_REQUEST_BODY_SIZE,
    maxAnswerBytes: p.LLM_ROUTER_MAX_RESPONSE_BODY_SIZE,
    firstTokenTimeoutMs: Math.round(p.LLM_ROUTER_FIRST_TOKEN_TIMEOUT * 1000),
    streamHoldMs: p.LLM_ROUTER_STREAM_HOLD_MS,
    shutdownTimeoutMs: Math.round(p.LLM_ROUTER_SHUTDOWN_TIMEOUT_SECONDS * 1000),
    clientTimeouts: {
      headersMs: Math.round(p.LLM_ROUTER_CLIENT_HEADERS_TIMEOUT_SECONDS * 1000),
      bodyMs: Math.round(p.LLM_ROUTER_CLIENT_BODY_TIMEOUT_SECONDS * 1000),
    },
    modelsConfigPath: p.LLM_ROUTER_MODELS_CONFIG,
    adminToken: p.LLM_ROUTER_ADMIN_TOKEN,
    auth: p.LLM_ROUTER_AUTH_ENABLED
      ? {
          store: p.LLM_ROUTER_AUTH_KEY_STORE,
          seedFile: p.LLM_ROUTER_AUTH_MEMORY_SEED_FILE,
          publicPaths: p.LLM_ROUTER_AUTH_PUBLIC_ENDPOINTS.length
            ? p.LLM_ROUTER_AUTH_PUBLIC_ENDPOINTS
            : ['/', 'ping', 'version', 'ready'].map((e) => (e === '/' ? '/' : `${p.LLM_ROUTER_EP_PREFIX}/${e}`)),
          rotationGraceMs: Math.round(p.LLM_ROUTER_AUTH_ROTATION_GRACE_PERIOD * 1000),
          redis: {
            host: p.LLM_ROUTER_AUTH_REDIS_HOST || p.LLM_ROUTER_REDIS_HOST || '127.0.0.1',
            port: p.LLM_ROUTER_AUTH_REDIS_PORT || p.LLM_ROUTER_REDIS_PORT,
            db: p.LLM_ROUTER_AUTH_REDIS_DB >= 0 ? p.LLM_ROUTER_AUTH_REDIS_DB : p.LLM_ROUTER_REDIS_DB,
            password: p.LLM_ROUTER_AUTH_REDIS_PASSWORD || p.LLM_ROUTER_REDIS_PASSWORD,
            prefix: p.LLM_ROUTER_REDIS_KEY_PREFIX,
            timeoutMs: Math.round(p.LLM_ROUTER_REDIS_TIMEOUT_SECONDS * 1000),
          },
          failuresPerMinute: p.LLM_ROUTER_AUTH_FAILURES_PER_MINUTE,
        }
      : null,
    responsesStore: {
      enabled: p.LLM_ROUTER_RESPONSES_STORE,
      ttlMs: Math.round(p.LLM_ROUTER_RESPONSES_STORE_TTL_SECONDS * 1000),
    },
    promptsDir: p.LLM_ROUTER_PROMPTS_DIR,
    defaultLanguage: p.LLM_ROUTER_DEFAULT_EP_LANGUAGE,
    balanceStrategy: p.LLM_ROUTER_BALANCE_STRATEGY,
    log: {
      level: p.LLM_ROUTER_IN_DEBUG ? 'debug' : p.LLM_ROUTER_LOG_LEVEL,
      json: p.LLM_ROUTER_LOG_JSON,
      file: p.LLM_ROUTER_LOG_TO_FILE ? p.LLM_ROUTER_LOG_FILENAME : null,
    },
    prometheus: p.LLM_ROUTER_USE_PROMETHEUS,
    redis: p.LLM_ROUTER_REDIS_HOST
      ? {
          host: p.LLM_ROUTER_REDIS_HOST,
          port: p.LLM_ROUTER_REDIS_PORT,
          db: p.LLM_ROUTER_REDIS_DB,
          password: p.LLM_ROUTER_REDIS_PASSWORD,
          prefix: p.LLM_ROUTER_REDIS_KEY_PREFIX,
          timeoutMs: Math.round(p.LLM_ROUTER_REDIS_TIMEOUT_SECONDS * 1000),
          failMode: p.LLM_ROUTER_REDIS_FAIL_MODE,
          startupRetryMs: Math.round(p.LLM_ROUTER_REDIS_STARTUP_RETRY_SECONDS * 1000),
        }
      : null,
    balancing: {
      waitTimeoutMs: Math.round(p.LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS * 1000),
      maxAttempts: p.LLM_ROUTER_MAX_PROVIDER_ATTEMPTS,
      leaseTtlMs: Math.round(p.LLM_ROUTER_PROVIDER_LEASE_TTL_SECONDS * 1000),
      monitorIntervalMs: Math.round(p.LLM_ROUTER_PROVIDER_MONITOR_INTERVAL_SECONDS * 1000),
      keepAliveIntervalMs: Math.round(p.LLM_ROUTER_KEEPALIVE_MODEL_MONITOR_INTERVAL_SECONDS * 1000),
      breakerFailures: p.LLM_ROUTER_CIRCUIT_BREAKER_FAILURES,
      breakerCooldownMs: Math.round(p.LLM_ROUTER_CIRCUIT_BREAKER_COOLDOWN_SECONDS * 1000),
      sameProviderRetryMaxWaitMs: Math.round(p.LLM_ROUTER_SAME_PROVIDER_RETRY_MAX_WAIT_SECONDS * 1000),
    },
    masking: {
      force: p.LLM_ROUTER_FORCE_MASKING,
      pipeline: p.LLM_ROUTER_MASKING_STRATEGY_PIPELINE,
      audit: p.LLM_ROUTER_MASKING_WITH_AUDIT,
      restore: p.LLM_ROUTER_MASKING_RESTORE,
    },
    guardrails: {
      rejection: p.LLM_ROUTER_REJECTION_MODE,
      failMode: p.LLM_ROUTER_GUARDRAIL_FAIL_MODE,
      request: {
        force: p.LLM_ROUTER_FORCE_GUARDRAIL_REQUEST,
        pipeline: p.LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_REQUEST,
        audit: p.LLM_ROUTER_GUARDRAIL_WITH_AUDIT_REQUEST,
      },
      response: {
        force: p.LLM_ROUTER_FORCE_GUARDRAIL_RESPONSE,
        pipeline: p.LLM_ROUTER_GUARDRAIL_STRATEGY_PIPELINE_RESPONSE,
        audit: p.LLM_ROUTER_GUARDRAIL_WITH_AUDIT_RESPONSE,
      },
      streamWindowChars: p.LLM_ROUTER_GUARDRAIL_STREAM_WINDOW,
    },
    audit:
      p.LLM_ROUTER_MASKING_WITH_AUDIT ||
      p.LLM_ROUTER_GUARDRAIL_WITH_AUDIT_REQUEST ||
      p.LLM_ROUTER_GUARDRAIL_WITH_AUDIT_RESPONSE
        ? {
            dir: p.LLM_ROUTER_AUDIT_DIR,
            keysDir: p.LLM_ROUTER_AUDIT_KEYS_DIR,
            queueSize: p.LLM_ROUTER_AUDIT_QUEUE_SIZE,
          }
        : null,
    sidecars: {
      piiMaskerHost: p.LLM_ROUTER_MASKER_PII_HOST,
      naskGuardHost: p.LLM_ROUTER_GUARDRAIL_NASK_GUARD_HOST,
      sojkaGuardHost: p.LLM_ROUTER_GUARDRAIL_SOJKA_GUARD_HOST,
      httpGuardHost: p.LLM_ROUTER_GUARDRAIL_HTTP_GUARD_HOST,
      httpGuardNames: p.LLM_ROUTER_GUARDRAIL_HTTP_GUARD_NAMES,
      monitorIntervalMs: Math.max(0, Math.round(p.LLM_ROUTER_SERVICES_MONITOR_INTERVAL_SECONDS * 1000)),
      timeoutMs: Math.round(p.LLM_ROUTER_SERVICES_TIMEOUT_SECONDS * 1000),
    },
    utils: p.LLM_ROUTER_UTILS_PLUGINS_PIPELINE,
    rag: {
      collection: p.LLM_ROUTER_LANGCHAIN_RAG_COLLECTION,
      embedder: p.LLM_ROUTER_LANGCHAIN_RAG_EMBEDDER,
      device: p.LLM_ROUTER_LANGCHAIN_RAG_DEVICE,
      chunkSize: p.LLM_ROUTER_LANGCHAIN_RAG_CHUNK_SIZE,
      chunkOverlap: p.LLM_ROUTER_LANGCHAIN_RAG_CHUNK_OVERLAP,
      persistDir: p.LLM_ROUTER_LANGCHAIN_RAG_PERSIST_DIR,
      topK: p.LLM_ROUTER_LANGCHAIN_RAG_TOP_K,
    },
    routing: {
      simpleConfig: p.LLM_ROUTER_ROUTING_SIMPLE_CONFIG,
      models: p.LLM_ROUTER_ROUTING_MODELS,
      thresholds: p.LLM_ROUTER_ROUTING_COMPLEXITY_THRESHOLDS,
      defaultModel: p.LLM_ROUTER_ROUTING_DEFAULT_MODEL,
      intents,
      biencoder: {
        config: p.LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CONFIG,
        model: p.LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_MODEL,
        targets: p.LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_TARGETS,
        chunkSize: p.LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CHUNK_SIZE,
        chunkOverlap: p.LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_CHUNK_OVERLAP,
        persistDir: p.LLM_ROUTER_ROUTING_SEMANTIC_BIENCODER_PERSIST_DIR,
      },
    },
  });
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
