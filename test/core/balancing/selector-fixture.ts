import 'reflect-metadata';
import { CircuitBreaker } from '../../../core/balancing/circuit-breaker.js';
import { KeepAliveMonitor } from '../../../core/balancing/keep-alive-monitor.js';
import { ProviderHealth } from '../../../core/balancing/provider-health.js';
import { ProviderSelector } from '../../../core/balancing/provider-selector.js';
import type { BalanceStrategy } from '../../../core/balancing/strategy.js';
import { type ModelConfig, parseModelsConfig } from '../../../core/config/models-config.js';
import { loadSettings } from '../../../core/config/settings.js';
import { Lifecycle } from '../../../core/lifecycle/lifecycle.js';
import { createLogger } from '../../../core/logging/logger.js';
import { Metrics } from '../../../core/metrics/metrics.js';
import { discoverProviderTypes } from '../../../core/providers/provider-type-registry.js';
import { UpstreamClient } from '../../../core/providers/upstream-client.js';
import { MemoryStore } from '../../../core/state/memory-store.js';
import type { StateStore } from '../../../core/state/state-store.js';
import { TestRedisStores } from '../../support/redis-prefix.js';

export const STORES = ['memory', 'redis'] as const;
const redisStores = new TestRedisStores();

export async function openStore(kind: (typeof STORES)[number]): Promise<StateStore> {
  return kind === 'memory' ? new MemoryStore() : redisStores.open();
}

/** Closes the Redis stores and deletes their keys (call from `after`). */
export const cleanUp = () => redisStores.closeAll();

/** A model with providers p1…pN on distinct hosts (weights as given). */
export function modelWith(weights: number[], extra: object = {}): ModelConfig {
  const providers = weights.map((weight, i) => ({
    id: `p${i + 1}`,
    api_host: `http://10.0.0.${i + 1}:8000`,
    api_type: 'vllm',
    weight,
    ...extra,
  }));
  return parseModelsConfig({ g: { m: { providers } }, active_models: { g: ['m'] } }, 'test').models.get('m')!;
}

export async function selectorWith(strategy: BalanceStrategy, store: StateStore, env: Record<string, string> = {}) {
  const settings = loadSettings({
    LLM_ROUTER_PROVIDER_WAIT_TIMEOUT_SECONDS: '0.3',
    LLM_ROUTER_PROVIDER_LEASE_TTL_SECONDS: '5',
    ...env,
  });
  const metrics = new Metrics(false);
  const logger = createLogger({ level: 'error', json: false, file: null });
  const lifecycle = new Lifecycle(logger);
  const upstream = new UpstreamClient(settings, lifecycle);
  const keepAlive = new KeepAliveMonitor(settings, store, upstream, await discoverProviderTypes(), logger, lifecycle);
  const breaker = new CircuitBreaker(settings, metrics);
  return {
    selector: new ProviderSelector(settings, store, strategy, new ProviderHealth(store), breaker, keepAlive, logger),
    breaker,
    keepAlive,
  };
}

export const never: AbortSignal = new AbortController().signal;
