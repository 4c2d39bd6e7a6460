import { inject, singleton } from 'tsyringe';
import { registerSecrets } from '../errors/secrets.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { METRICS, type Metrics } from '../metrics/metrics.js';
import { LiveModels } from './live-models.js';
import { loadModelsConfig } from './models-config.js';
import { SETTINGS, type Settings } from './settings.js';

export type ReloadOutcome =
  | { readonly ok: true; readonly version: string; readonly changed: boolean; readonly models: number }
  | { readonly ok: false; readonly version: string; readonly error: string };

/**
 * Reads the models config again and puts it in force if it is valid as a whole; a file that fails any check
 * leaves the one in force serving. Requests in flight keep the model they started with; providers that stay
 * keep their leases, health and breaker state (they are kept by provider id).
 */
@singleton()
export class ModelsReload {
  constructor(
    @inject(LiveModels) private readonly live: LiveModels,
    @inject(SETTINGS) private readonly settings: Settings,
    @inject(METRICS) private readonly metrics: Metrics,
    @inject(LOGGER) private readonly logger: Logger,
  ) {
    metrics.configVersion(live.version);
  }

  reload(): ReloadOutcome {
    const path = this.settings.modelsConfigPath;
    let next: ReturnType<typeof loadModelsConfig>;
    try {
      next = loadModelsConfig(path);
    } catch (err) {
      const error = (err as Error).message;
      this.logger.error(`models config reload refused, version ${this.live.version} still serves: ${error}`);
      if (this.metrics.enabled) this.metrics.modelsReloads.inc({ result: 'refused' });
      return { ok: false, version: this.live.version, error };
    }
    const changed = next.version !== this.live.version;
    if (changed) {
      registerSecrets([...next.models.values()].flatMap((m) => m.providers.map((p) => p.api_token)));
      const before = new Set(this.live.models.keys());
      const added = [...next.models.keys()].filter((m) => !before.has(m));
      const removed = [...before].filter((m) => !next.models.has(m));
      this.live.swap(next);
      this.metrics.configVersion(next.version);
      this.logger.info(
        `models config reloaded: version ${next.version}, ${next.models.size} models` +
          (added.length ? `, added ${added.join(', ')}` : '') +
          (removed.length ? `, removed ${removed.join(', ')}` : ''),
      );
    } else this.logger.info(`models config reloaded: version ${next.version} unchanged`);
    if (this.metrics.enabled) this.metrics.modelsReloads.inc({ result: changed ? 'changed' : 'unchanged' });
    return { ok: true, version: next.version, changed, models: next.models.size };
  }
}
