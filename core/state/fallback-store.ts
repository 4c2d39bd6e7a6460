import type { Logger } from '../logging/logger.js';
import { MemoryStore } from './memory-store.js';
import type { RedisStore } from './redis-store.js';
import type { CountsToAdd, StateStore, StoreState, WindowHit } from './state-store.js';

// After a failed call, how long calls go straight to local state before Redis is tried again: a paused Redis
// would otherwise cost every call its whole deadline.
const LOCAL_FOR_MS = 1000;

/**
 * LLM_ROUTER_REDIS_FAIL_MODE=local: Redis while it answers, this process's own memory while it does not, with a
 * warning when that starts and a line when it ends. Leases are then per instance, which only strategies that
 * take no exclusive lock can afford (start-up refuses the others). Releases and renewals go to both stores, so a
 * lease taken on either side is given back on it.
 */
export class FallbackStore implements StateStore {
  private readonly local = new MemoryStore();
  private downUntil = 0;
  private down = false;

  constructor(
    private readonly redis: RedisStore,
    private readonly logger: Logger,
    startDown = false,
  ) {
    if (startDown) this.failed(new Error('unreachable at start-up'));
  }

  acquire(key: string, holder: string, ttlMs: number, capacity: number): Promise<boolean> | boolean {
    return this.either(
      () => this.redis.acquire(key, holder, ttlMs, capacity),
      () => this.local.acquire(key, holder, ttlMs, capacity),
    );
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    const here = await this.local.renew(key, holder, ttlMs);
    return this.either(
      async () => here || (await this.redis.renew(key, holder, ttlMs)),
      () => here,
    );
  }

  async release(key: string, holder: string): Promise<boolean> {
    const here = this.local.release(key, holder);
    return this.either(
      async () => (await this.redis.release(key, holder)) || here,
      () => here,
    );
  }

  hit(key: string, holder: string, windowMs: number, limit: number): Promise<WindowHit> | WindowHit {
    return this.either(
      () => this.redis.hit(key, holder, windowMs, limit),
      () => this.local.hit(key, holder, windowMs, limit),
    );
  }

  count(keys: readonly string[]): Promise<number[]> | number[] {
    return this.either(
      () => this.redis.count(keys),
      () => this.local.count(keys),
    );
  }

  onRelease(listener: (key: string) => void): () => void {
    const offShared = this.redis.onRelease(listener);
    const offLocal = this.local.onRelease(listener);
    return () => {
      offShared();
      offLocal();
    };
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    void this.local.put(key, value, ttlMs);
    return await this.either(
      () => this.redis.put(key, value, ttlMs),
      () => Promise.resolve(),
    );
  }

  async get(keys: readonly string[]): Promise<Array<string | null>> {
    return await this.either(
      () => this.redis.get(keys),
      () => this.local.get(keys),
    );
  }

  async addCounts(counts: readonly CountsToAdd[]): Promise<void> {
    return await this.either(
      () => this.redis.addCounts(counts),
      () => this.local.addCounts(counts),
    );
  }

  readCounts(
    keys: readonly string[],
    fields?: readonly string[],
  ): Promise<Array<Record<string, number>>> | Array<Record<string, number>> {
    return this.either(
      () => this.redis.readCounts(keys, fields),
      () => this.local.readCounts(keys, fields),
    );
  }

  async state(): Promise<StoreState> {
    return (await this.redis.state()) === 'ok' ? 'ok' : 'local';
  }

  async close(): Promise<void> {
    await Promise.all([this.redis.close(), this.local.close()]);
  }

  /** Redis's answer, or the local one when Redis failed now or a moment ago. */
  private either<T>(shared: () => Promise<T>, local: () => T | Promise<T>): Promise<T> | T {
    if (Date.now() < this.downUntil) return local();
    return shared().then(
      (value) => {
        if (this.down) {
          this.down = false;
          this.logger.warn('Redis answers again: shared state is back (LLM_ROUTER_REDIS_FAIL_MODE=local)');
        }
        return value;
      },
      (err: unknown) => {
        this.failed(err);
        return local();
      },
    );
  }

  private failed(err: unknown): void {
    this.downUntil = Date.now() + LOCAL_FOR_MS;
    if (this.down) return;
    this.down = true;
    this.logger.error(
      `Redis does not answer (${(err as Error).message}): serving from this instance's own state until it does; ` +
        'limits and health are per instance meanwhile (LLM_ROUTER_REDIS_FAIL_MODE=local)',
    );
  }
}
