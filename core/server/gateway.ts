import { setTimeout } from 'node:timers/promises';
import type express from 'express';
import type { DependencyContainer } from 'tsyringe';
import { loadAuditKeys } from '../audit/audit-keys.js';
import { AUDIT_SINK, NoAudit } from '../audit/audit-sink.js';
import { EncryptedAuditor } from '../audit/encrypted-auditor.js';
import { AccessControl } from '../auth/access-control.js';
import { AdminApi } from '../auth/admin-api.js';
import { openKeyStore } from '../auth/open-key-store.js';
import { UsageMeter } from '../auth/usage-meter.js';
import { findStrategy } from '../balancing/strategies-registry.js';
import { BALANCE_STRATEGY, type BalanceStrategyClass } from '../balancing/strategy.js';
import { LiveModels } from '../config/live-models.js';
import { loadModelsConfig, MODELS_CONFIG } from '../config/models-config.js';
import { ModelsReload } from '../config/models-reload.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import { registerSecrets } from '../errors/secrets.js';
import { StartupError } from '../errors/startup-error.js';
import { Lifecycle } from '../lifecycle/lifecycle.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { METRICS, Metrics } from '../metrics/metrics.js';
import { GuardrailPipeline } from '../pipeline/guardrail-pipeline.js';
import { MaskerPipeline } from '../pipeline/masking/masker-pipeline.js';
import { PLUGIN_CATALOGUE, PLUGIN_CONTAINER } from '../pipeline/plugin-tokens.js';
import { UtilsPipeline } from '../pipeline/utils-pipeline.js';
import { discoverPlugins } from '../plugins/plugin-registry.js';
import { PROMPT_LIBRARY, PromptLibrary } from '../prompts/prompt-library.js';
import { discoverProviderTypes, PROVIDER_TYPES } from '../providers/provider-type-registry.js';
import { FallbackStore } from '../state/fallback-store.js';
import { MemoryStore } from '../state/memory-store.js';
import { RedisStore } from '../state/redis-store.js';
import { STATE_STORE, type StateStore } from '../state/state-store.js';
import { buildApp } from './app.js';

const STARTUP_RETRY_EVERY_MS = 1000;

// Strategies that lock a provider per request: several workers can only honour that through Redis.
const EXCLUSIVE = new Set(['first_available', 'first_available_optim']);

export interface AssembledGateway {
  readonly app: express.Express;
  readonly lifecycle: Lifecycle;
  readonly models: LiveModels;
  readonly reload: ModelsReload;
}

/**
 * Everything a gateway process is made of, registered in `container`, and the Express app over it; not yet
 * listening or started. A configuration error stops here with a StartupError naming the setting.
 */
export async function assembleGateway(
  container: DependencyContainer,
  settings: Settings,
  logger: Logger,
): Promise<AssembledGateway> {
  const models = new LiveModels(loadModelsConfig(settings.modelsConfigPath));
  registerSecrets([
    settings.adminToken,
    ...[...models.models.values()].flatMap((m) => m.providers.map((p) => p.api_token)),
  ]);
  const metrics = new Metrics(settings.prometheus);
  container.registerInstance(SETTINGS, settings);
  container.registerInstance(LOGGER, logger);
  container.registerInstance(MODELS_CONFIG, models);
  container.registerInstance(LiveModels, models);
  container.registerInstance(METRICS, metrics);
  container.registerInstance(PROVIDER_TYPES, await discoverProviderTypes());
  const lifecycle = container.resolve(Lifecycle);
  const Strategy = await findStrategy(settings.balanceStrategy);
  const store = await openStore(settings, Strategy, logger);
  container.registerInstance(STATE_STORE, store);
  metrics.watchStore(async () => (await store.state()) === 'ok');
  if (settings.auth) {
    const keys = await openKeyStore(settings.auth);
    lifecycle.register('key store', { stop: () => keys.close() });
    const meter = new UsageMeter(store, models, logger, metrics);
    container.registerInstance(UsageMeter, meter);
    const access = new AccessControl(settings.auth, keys, store, meter);
    container.registerInstance(AccessControl, access);
    container.registerInstance(
      AdminApi,
      new AdminApi(keys, meter, settings.auth.rotationGraceMs, (id) => access.forget(id)),
    );
  }
  lifecycle.register('state store', { stop: () => store.close() });
  container.registerSingleton(BALANCE_STRATEGY, Strategy);
  container.registerInstance(PLUGIN_CATALOGUE, await discoverPlugins());
  container.registerInstance(PROMPT_LIBRARY, PromptLibrary.load(settings.promptsDir));
  container.registerInstance(PLUGIN_CONTAINER, container);
  const auditor = settings.audit
    ? EncryptedAuditor.open({ ...settings.audit, keys: await loadAuditKeys(settings.audit.keysDir), logger, metrics })
    : null;
  container.registerInstance(AUDIT_SINK, auditor ?? new NoAudit());
  if (auditor) {
    // Queued records get a few seconds to reach the disk; a stuck directory must not hold the exit.
    lifecycle.register('audit log', {
      stop: async () => {
        const lost = await auditor.close(5000);
        if (lost > 0) logger.error(`${lost} audit records could not be written before shutdown`);
      },
    });
  }
  // Built before the endpoints so that a bad plugin list stops start-up with its own one-line message.
  // Maskers first: the utils pipeline is built on them, and tsyringe would wrap their start-up error in its own.
  for (const stage of [MaskerPipeline, GuardrailPipeline, UtilsPipeline]) container.resolve<object>(stage);
  await container.resolve(UtilsPipeline).prepare();
  const app = await buildApp({ container, settings, logger, metrics });
  return { app, lifecycle, models, reload: container.resolve(ModelsReload) };
}

/** Exclusive strategies in several workers need Redis: a configuration the workers would refuse stops at once. */
export function checkWorkersShareLocks(settings: Settings, Strategy: BalanceStrategyClass): void {
  if (!settings.redis && settings.workers > 1 && EXCLUSIVE.has(Strategy.id)) {
    throw new StartupError(
      `LLM_ROUTER_BALANCE_STRATEGY=${Strategy.id} with LLM_ROUTER_SERVER_WORKERS_COUNT=${settings.workers} needs LLM_ROUTER_REDIS_HOST: workers must share their provider locks`,
    );
  }
}

/**
 * In memory for one process; Redis when configured, connected now so that a wrong address is known at start-up:
 * tried for up to LLM_ROUTER_REDIS_STARTUP_RETRY_SECONDS, then start-up stops, or (fail mode `local`) starts on
 * local state with a warning.
 */
async function openStore(settings: Settings, Strategy: BalanceStrategyClass, logger: Logger): Promise<StateStore> {
  checkWorkersShareLocks(settings, Strategy);
  const redis = settings.redis;
  if (!redis) return new MemoryStore();
  const where = `${redis.host}:${redis.port}`;
  if (redis.failMode === 'local' && EXCLUSIVE.has(Strategy.id)) {
    throw new StartupError(
      `LLM_ROUTER_REDIS_FAIL_MODE=local cannot serve LLM_ROUTER_BALANCE_STRATEGY=${Strategy.id}: its provider locks must be shared, so without Redis it must refuse`,
    );
  }
  const until = Date.now() + redis.startupRetryMs;
  for (let attempt = 1; ; attempt++) {
    const store = new RedisStore(redis);
    try {
      await store.connect();
      return redis.failMode === 'local' ? new FallbackStore(store, logger) : store;
    } catch (err) {
      const why = (err as Error).message;
      if (Date.now() < until) {
        await store.close();
        if (attempt === 1)
          logger.warn(`cannot reach Redis at ${where}: ${why}; retrying for up to ${redis.startupRetryMs} ms`);
        await setTimeout(STARTUP_RETRY_EVERY_MS);
        continue;
      }
      if (redis.failMode === 'local') return new FallbackStore(store, logger, true);
      await store.close();
      throw new StartupError(`cannot reach Redis at ${where} (LLM_ROUTER_REDIS_HOST/PORT): ${why}`);
    }
  }
}
