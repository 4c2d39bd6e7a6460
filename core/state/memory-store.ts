import { EventEmitter } from 'node:events';
import type { StateStore, StoreState, WindowHit } from './state-store.js';

const PURGE_MS = 50;

/** One process's state; the default. */
export class MemoryStore implements StateStore {
  private readonly slots = new Map<string, Map<string, number>>();
  private readonly purgedAt = new Map<string, number>();
  private readonly values = new Map<string, { value: string; expires: number }>();
  private readonly releases = new EventEmitter().setMaxListeners(0);

  acquire(key: string, holder: string, ttlMs: number, capacity: number): boolean {
    const holders = this.live(key);
    if (!holders.has(holder) && holders.size >= capacity) return false;
    holders.set(holder, Date.now() + ttlMs);
    return true;
  }

  hit(key: string, holder: string, windowMs: number, limit: number): WindowHit {
    const holders = this.live(key, true);
    const now = Date.now();
    const counted = holders.size < limit;
    if (counted) holders.set(holder, now + windowMs);
    let oldest = Number.POSITIVE_INFINITY;
    for (const expiry of holders.values()) if (expiry < oldest) oldest = expiry;
    return { counted, count: holders.size, resetMs: holders.size ? Math.max(0, oldest - now) : 0 };
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    const holders = this.live(key);
    if (!holders.has(holder)) return false;
    holders.set(holder, Date.now() + ttlMs);
    return true;
  }

  release(key: string, holder: string): boolean {
    const released = this.live(key).delete(holder);
    if (released) this.releases.emit('released', key);
    return released;
  }

  onRelease(listener: (key: string) => void): () => void {
    this.releases.on('released', listener);
    return () => this.releases.off('released', listener);
  }

  count(keys: readonly string[]): number[] {
    return keys.map((k) => this.live(k).size);
  }

  async state(): Promise<StoreState> {
    return 'ok';
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, expires: Date.now() + ttlMs });
  }

  async get(keys: readonly string[]): Promise<Array<string | null>> {
    const now = Date.now();
    return keys.map((k) => {
      const v = this.values.get(k);
      return v && v.expires > now ? v.value : null;
    });
  }

  async close(): Promise<void> {}

  /** `exact`: purge now (a rate limit must not count an entry that just left its window). */
  private live(key: string, exact = false): Map<string, number> {
    let holders = this.slots.get(key);
    if (!holders) {
      holders = new Map();
      this.slots.set(key, holders);
    }
    // Expired holders (a request that never released) are dropped at most every PURGE_MS per key: walking every
    // holder on every call was a visible share of the pass-through path under load.
    const now = Date.now();
    if (exact || now - (this.purgedAt.get(key) ?? 0) >= PURGE_MS) {
      this.purgedAt.set(key, now);
      for (const [h, expires] of holders) if (expires <= now) holders.delete(h);
    }
    return holders;
  }
}
