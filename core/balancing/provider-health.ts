import { inject, singleton } from 'tsyringe';
import type { ProviderConfig } from '../config/models-config.js';
import { STATE_STORE, type StateStore } from '../state/state-store.js';

export const healthKey = (provider: ProviderConfig) => `health:${provider.id}`;

// Read at most this often per provider: health changes on the monitor's interval, not per request.
const CACHE_MS = 250;

/** Health results the monitor wrote to the store (shared by instances); a provider not probed yet counts as up. */
@singleton()
export class ProviderHealth {
  private readonly cache = new Map<string, { up: boolean; why: string | null; until: number }>();

  constructor(@inject(STATE_STORE) private readonly store: StateStore) {}

  /** The health of each provider when every one was read lately; null when the store must be asked. */
  cachedUpOf(providers: readonly ProviderConfig[]): boolean[] | null {
    const now = Date.now();
    const up: boolean[] = [];
    for (const p of providers) {
      const entry = this.cache.get(p.id);
      if (entry === undefined || entry.until <= now) return null;
      up.push(entry.up);
    }
    return up;
  }

  async upOf(providers: readonly ProviderConfig[]): Promise<boolean[]> {
    const now = Date.now();
    const stale = providers.filter((p) => (this.cache.get(p.id)?.until ?? 0) <= now);
    if (stale.length) {
      const values = await this.store.get(stale.map(healthKey));
      stale.forEach((p, i) => {
        const value = values[i] ?? '';
        const down = value.startsWith('down');
        this.cache.set(p.id, { up: !down, why: down ? value.slice(5) || null : null, until: now + CACHE_MS });
      });
    }
    return providers.map((p) => this.cache.get(p.id)!.up);
  }

  /** What the last probe of a provider that is down said happened (`refused the connection`), if known. */
  whyDown(providerId: string): string | null {
    return this.cache.get(providerId)?.why ?? null;
  }
}
