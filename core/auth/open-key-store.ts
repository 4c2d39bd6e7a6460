import type { Settings } from '../config/settings.js';
import { StartupError } from '../errors/startup-error.js';
import { FileKeyStore } from './file-key-store.js';
import type { KeyStore } from './key-store.js';
import { RedisKeyStore } from './redis-key-store.js';

/** The key store the settings name: the seed file, or Redis (connected now, so a wrong address stops start-up). */
export async function openKeyStore(auth: NonNullable<Settings['auth']>): Promise<KeyStore> {
  if (auth.store === 'memory') return new FileKeyStore(auth.seedFile);
  const store = new RedisKeyStore(auth.redis);
  try {
    await store.connect();
  } catch (err) {
    await store.close();
    throw new StartupError(
      `cannot reach the key store's Redis at ${auth.redis.host}:${auth.redis.port} (LLM_ROUTER_AUTH_REDIS_HOST/PORT): ${(err as Error).message}`,
    );
  }
  return store;
}
