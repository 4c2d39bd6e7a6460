import { inject, injectable } from 'tsyringe';
import type { ModelConfig, ProviderConfig } from '../../config/models-config.js';
import { STATE_STORE, type StateStore } from '../../state/state-store.js';
import type { BalanceStrategy } from '../strategy.js';

// How long affinity and occupancy are remembered without use.
const MEMORY_MS = 24 * 3600_000;

const hostOf = (p: ProviderConfig) => new URL(p.api_host).host;

/**
 * first_available with host affinity (the reference's order): the host that served the model last, then
 * hosts that served it before, then hosts no other model occupies, then any. Loading a model is slow on
 * a GPU host; staying where it is loaded is fast.
 */
@injectable()
export class FirstAvailableOptimStrategy implements BalanceStrategy {
  static readonly id = 'first_available_optim';
  readonly exclusive = true;

  constructor(@inject(STATE_STORE) private readonly store: StateStore) {}

  async order(model: ModelConfig, candidates: readonly ProviderConfig[]): Promise<ProviderConfig[]> {
    const hosts = [...new Set(candidates.map(hostOf))];
    const [last, served, ...occupants] = await this.store.get([
      `affinity:last:${model.name}`,
      `affinity:hosts:${model.name}`,
      ...hosts.map((h) => `occupancy:${h}`),
    ]);
    const servedHosts = new Set<string>(served ? (JSON.parse(served) as string[]) : []);
    const occupiedByOther = new Set(hosts.filter((_, i) => occupants[i] && occupants[i] !== model.name));
    const rank = (p: ProviderConfig) => {
      const h = hostOf(p);
      if (h === last) return 0;
      if (servedHosts.has(h)) return 1;
      if (!occupiedByOther.has(h)) return 2;
      return 3;
    };
    return candidates
      .map((p, i) => ({ p, i, r: rank(p) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.p);
  }

  async chosen(model: ModelConfig, provider: ProviderConfig): Promise<void> {
    const host = hostOf(provider);
    const [served] = await this.store.get([`affinity:hosts:${model.name}`]);
    const hosts = new Set<string>(served ? (JSON.parse(served) as string[]) : []);
    hosts.add(host);
    await Promise.all([
      this.store.put(`affinity:last:${model.name}`, host, MEMORY_MS),
      this.store.put(`affinity:hosts:${model.name}`, JSON.stringify([...hosts]), MEMORY_MS),
      this.store.put(`occupancy:${host}`, model.name, MEMORY_MS),
    ]);
  }
}
