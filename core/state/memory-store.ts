import { EventEmitter } from 'node:events';
import type { CountsToAdd, StateStore, StoreState, WindowHit } from './state-store.js';

const PURGE_MS = 50;

/** One process's state; the default. */
export class MemoryStore implements StateStore {
  private readonly slots = new Map<string, Map<string, number>>();
  private readonly purgedAt = new Map<string, number>();
  private readonly values = new Map<string, { value: string; expires: number }>();
  private readonly windows = new Map<string, { expiries: number[]; head: number }>();
  private readonly counters = new Map<string, { fields: Record<string, number>; expires: number }>();
  private readonly releases = new EventEmitter().setMaxListeners(0);

  acquire(key: string, holder: string, ttlMs: number, capacity: number): boolean {
    const holders = this.live(key);
    if (!holders.has(holder) && holders.size >= capacity) return false;
    holders.set(holder, Date.now() + ttlMs);
    return true;
  }

  /**
   * A window's entries expire in the order they came (one window length per key), so a queue of expiry times is
   * enough: expired ones leave from the front, the oldest is the front. O(1) per hit, whatever the limit.
   */
  hit(key: string, _holder: string, windowMs: number, limit: number): WindowHit {
    let w = this.windows.get(key);
    if (!w) {
      w = { expiries: [], head: 0 };
      this.windows.set(key, w);
    }
    const now = Date.now();
    while (w.head < w.expiries.length && w.expiries[w.head]! <= now) w.head++;
    // Compacted now and then, not per hit: shifting a long array is what the queue avoids.
    if (w.head > 1024 && w.head * 2 > w.expiries.length) {
      w.expiries = w.expiries.slice(w.head);
      w.head = 0;
    }
    const count = w.expiries.length - w.head;
    const counted = count < limit;
    if (counted) w.expiries.push(now + windowMs);
    const size = count + (counted ? 1 : 0);
    return { counted, count: size, resetMs: size ? Math.max(0, w.expiries[w.head]! - now) : 0 };
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

  async addCounts(counts: readonly CountsToAdd[]): Promise<void> {
    const now = Date.now();
    for (const { key, amounts, ttlMs } of counts) {
      let c = this.counters.get(key);
      if (!c || c.expires <= now) {
        // Expired counters go when new ones are made, so a long-running process does not keep every day's.
        if (this.counters.size > 10_000)
          for (const [k, v] of this.counters) if (v.expires <= now) this.counters.delete(k);
        c = { fields: {}, expires: 0 };
        this.counters.set(key, c);
      }
      for (const [field, n] of Object.entries(amounts)) c.fields[field] = (c.fields[field] ?? 0) + n;
      c.expires = now + ttlMs;
    }
  }

  readCounts(keys: readonly string[], fields: readonly string[] = []): Array<Record<string, number>> {
    const now = Date.now();
    return keys.map((k) => {
      const c = this.counters.get(k);
      if (!c || c.expires <= now) return {};
      if (fields.length === 0) return { ...c.fields };
      const out: Record<string, number> = {};
      for (const f of fields) if (c.fields[f] !== undefined) out[f] = c.fields[f];
      return out;
    });
  }

  async close(): Promise<void> {}

  private live(key: string): Map<string, number> {
    let holders = this.slots.get(key);
    if (!holders) {
      holders = new Map();
      this.slots.set(key, holders);
    }
    // Expired holders (a request that never released) are dropped at most every PURGE_MS per key: walking every
    // holder on every call was a visible share of the pass-through path under load.
    const now = Date.now();
    if (now - (this.purgedAt.get(key) ?? 0) >= PURGE_MS) {
      this.purgedAt.set(key, now);
      for (const [h, expires] of holders) if (expires <= now) holders.delete(h);
    }
    return holders;
  }
}
