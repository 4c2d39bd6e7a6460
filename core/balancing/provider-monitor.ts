import { inject, singleton } from 'tsyringe';
import { MODELS_CONFIG, type ModelsConfig, type ProviderConfig } from '../config/models-config.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import { Lifecycle } from '../lifecycle/lifecycle.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { PROVIDER_TYPES, type ProviderTypes } from '../providers/provider-type-registry.js';
import { UpstreamClient } from '../providers/upstream-client.js';
import { STATE_STORE, type StateStore } from '../state/state-store.js';
import { healthKey } from './provider-health.js';

const PROBE_TIMEOUT_MS = 2000;

/**
 * Probes every provider on an interval (`/health` for vLLM and llama.cpp, `/api/tags` for Ollama,
 * `/v1/models` otherwise) and writes up/down to the store, where every instance reads it. A result lives
 * three intervals, so a dead monitor does not keep a provider marked down forever.
 */
@singleton()
export class ProviderMonitor {
  private readonly last = new Map<string, boolean>();

  constructor(
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(MODELS_CONFIG) private readonly models: ModelsConfig,
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(UpstreamClient) private readonly upstream: UpstreamClient,
    @inject(PROVIDER_TYPES) private readonly types: ProviderTypes,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(Lifecycle) lifecycle: Lifecycle,
  ) {
    lifecycle.every('provider health probes', settings.balancing.monitorIntervalMs, () => this.probeAll(), {
      immediate: true,
    });
  }

  async probeAll(): Promise<void> {
    const ttl = Math.max(3 * this.settings.balancing.monitorIntervalMs, 1000);
    // Read each round: a reload may have added or removed providers.
    const providers: ProviderConfig[] = [...this.models.models.values()].flatMap((m) => m.providers);
    await Promise.all(
      providers.map(async (p) => {
        const { status, reason } = await this.upstream.probe(p, this.types.get(p.api_type)!, PROBE_TIMEOUT_MS);
        // A provider that answered requests or went on streaming since the last round is up, whatever a probe
        // that timed out (behind those answers, on a busy machine) says.
        const answering =
          this.upstream.sinceLastAnswer(p.id) < this.settings.balancing.monitorIntervalMs + PROBE_TIMEOUT_MS;
        const up = (status > 0 && status < 500) || (status === 0 && answering);
        const before = this.last.get(p.id);
        // A provider down from the start is said loudly once: it is what a first request would run into.
        if (before === undefined && !up) this.logger.warn(`provider ${p.id} is down: it ${reason}`);
        else if (before !== up) this.logger.info(`provider ${p.id} is ${up ? 'up' : `down: it ${reason}`}`);
        this.last.set(p.id, up);
        if (this.metrics.enabled) this.metrics.providerUp.set({ provider: p.id }, up ? 1 : 0);
        await this.store
          .put(healthKey(p), up ? 'up' : `down:${reason}`, ttl)
          .catch((err: unknown) => this.logger.warn(`could not store health of ${p.id}: ${(err as Error).message}`));
      }),
    );
  }
}
