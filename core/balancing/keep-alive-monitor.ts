import { inject, singleton } from 'tsyringe';
import type { ModelConfig, ProviderConfig } from '../config/models-config.js';
import { SETTINGS, type Settings } from '../config/settings.js';
import { Lifecycle } from '../lifecycle/lifecycle.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { PROVIDER_TYPES, type ProviderTypes } from '../providers/provider-type-registry.js';
import { UpstreamClient } from '../providers/upstream-client.js';
import { STATE_STORE, type StateStore } from '../state/state-store.js';

const KEEP_ALIVE = /^\s*(\d+)\s*([smh])\s*$/i;
const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000 };

export const keepAliveMs = (value: string | null): number | null => {
  const m = value ? KEEP_ALIVE.exec(value) : null;
  return m ? Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]! : null;
};

interface Entry {
  readonly model: ModelConfig;
  readonly provider: ProviderConfig;
  readonly everyMs: number;
  due: number;
}

/**
 * Keeps models loaded where they were used: every (model, host) pair a request went to, for providers with
 * `keep_alive` ("35m"), gets a small request each time that period passes, unless another model occupies
 * the host now. Every host is kept, not only the last one (the reference's open issue #34).
 */
@singleton()
export class KeepAliveMonitor {
  private readonly entries = new Map<string, Entry>();

  constructor(
    @inject(SETTINGS) settings: Settings,
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(UpstreamClient) private readonly upstream: UpstreamClient,
    @inject(PROVIDER_TYPES) private readonly types: ProviderTypes,
    @inject(LOGGER) private readonly logger: Logger,
    @inject(Lifecycle) lifecycle: Lifecycle,
  ) {
    lifecycle.every('keep-alive pings', settings.balancing.keepAliveIntervalMs, () => this.tick());
  }

  recordUse(model: ModelConfig, provider: ProviderConfig): void {
    const everyMs = keepAliveMs(provider.keep_alive);
    if (everyMs === null || everyMs <= 0) return;
    this.entries.set(`${model.name}|${provider.id}`, { model, provider, everyMs, due: Date.now() + everyMs });
  }

  /** Pings what is due; exposed for tests. */
  async tick(now = Date.now()): Promise<number> {
    let pinged = 0;
    for (const e of this.entries.values()) {
      if (e.due > now) continue;
      e.due = now + e.everyMs;
      const host = new URL(e.provider.api_host).host;
      const [occupant] = await this.store.get([`occupancy:${host}`]);
      if (occupant && occupant !== e.model.name) continue;
      await this.ping(e);
      pinged++;
    }
    return pinged;
  }

  private async ping(e: Entry): Promise<void> {
    const type = this.types.get(e.provider.api_type)!;
    const model = e.provider.model_path || e.model.name;
    // Ollama loads a model and keeps it for keep_alive on an empty generate; others get a one-token chat.
    const [path, payload] =
      type.family === 'ollama'
        ? ['/api/generate', { model, keep_alive: e.provider.keep_alive, stream: false }]
        : [
            type.path('chat') ?? '/v1/chat/completions',
            {
              model,
              messages: [{ role: 'user', content: 'Send an empty message.' }],
              max_tokens: 1,
              temperature: 0,
              stream: false,
            },
          ];
    try {
      const res = await this.upstream.send(
        e.provider,
        type,
        'chat',
        path,
        JSON.stringify(payload),
        AbortSignal.timeout(60_000),
      );
      await res.body.dump();
    } catch (err) {
      this.logger.warn(`keep-alive ping to ${e.provider.id} failed: ${(err as Error).message}`);
    }
  }
}
