import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** A fresh key prefix on the real Redis at 127.0.0.1:6379, and a way to delete what was written under it. */
export function redisPrefix(): { prefix: string; env: Record<string, string>; clean(): Promise<void> } {
  const prefix = `llm-router-test:${randomUUID()}:`;
  return {
    prefix,
    env: { LLM_ROUTER_REDIS_HOST: '127.0.0.1', LLM_ROUTER_REDIS_PORT: '6379', LLM_ROUTER_REDIS_KEY_PREFIX: prefix },
    async clean() {
      const redis = new Redis({ host: '127.0.0.1', port: 6379 });
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
