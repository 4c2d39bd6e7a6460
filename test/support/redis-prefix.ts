import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisStore } from '../../core/state/redis-store.js';
import type { StateStore } from '../../core/state/state-store.js';

async function deleteUnder(prefixes: readonly string[]): Promise<void> {
  const redis = new Redis({ host: '127.0.0.1', port: 6379 });
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
  }
  redis.disconnect();
}

/** A fresh key prefix on the real Redis at 127.0.0.1:6379, as gateway env, and a way to delete its keys. */
export function redisPrefix(): { prefix: string; env: Record<string, string>; clean(): Promise<void> } {
  const prefix = `llm-router-test:${randomUUID()}:`;
  return {
    prefix,
    env: { LLM_ROUTER_REDIS_HOST: '127.0.0.1', LLM_ROUTER_REDIS_PORT: '6379', LLM_ROUTER_REDIS_KEY_PREFIX: prefix },
    clean: () => deleteUnder([prefix]),
  };
}

/** Redis stores for in-process tests, each under its own prefix; `closeAll` closes them and deletes their keys. */
export class TestRedisStores {
  private readonly opened: StateStore[] = [];
  private readonly prefixes: string[] = [];

  async open(): Promise<StateStore> {
    const { prefix } = redisPrefix();
    this.prefixes.push(prefix);
    const store = new RedisStore({
      host: '127.0.0.1',
      port: 6379,
      db: 0,
      password: '',
      prefix,
      timeoutMs: 5000,
      failMode: 'refuse',
      startupRetryMs: 0,
    });
    this.opened.push(store);
    await store.connect();
    return store;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.opened.map((s) => s.close()));
    await deleteUnder(this.prefixes);
  }
}
