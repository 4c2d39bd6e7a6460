import { Redis } from 'ioredis';
import type { Settings } from '../config/settings.js';
import { newSalt } from './api-keys.js';
import type { KeyRecord, Policy, Team } from './key-record.js';
import type { KeyStore } from './key-store.js';

/** Where the key store's Redis is (the auth settings; the auth keys live under `<prefix>auth:`). */
export type RedisKeyStoreOptions = NonNullable<Settings['auth']>['redis'];

/**
 * Keys in Redis, shared by every instance: `auth:key:<hash>` holds a record (one GET per lookup), `auth:id:<id>`
 * its hash, `auth:ids` the set of ids, `auth:policy:<name>` the policies, `auth:team:<name>` the teams, `auth:salt` the hash's salt.
 */
export class RedisKeyStore implements KeyStore {
  private readonly redis: Redis;

  constructor(options: RedisKeyStoreOptions) {
    this.redis = new Redis({
      host: options.host,
      port: options.port,
      db: options.db,
      password: options.password || undefined,
      keyPrefix: `${options.prefix}auth:`,
      lazyConnect: true,
      maxRetriesPerRequest: 2,
      commandTimeout: options.timeoutMs,
      connectTimeout: options.timeoutMs,
    });
    this.redis.on('error', () => {});
  }

  async connect(): Promise<void> {
    await this.redis.connect();
  }

  async salt(): Promise<string> {
    const existing = await this.redis.get('salt');
    if (existing) return existing;
    // Two instances starting at once agree on one salt: only the first SET wins.
    await this.redis.set('salt', newSalt(), 'NX');
    return (await this.redis.get('salt'))!;
  }

  async byHash(hash: string): Promise<KeyRecord | null> {
    const raw = await this.redis.get(`key:${hash}`);
    return raw ? (JSON.parse(raw) as KeyRecord) : null;
  }

  async byId(id: string): Promise<KeyRecord | null> {
    const hash = await this.redis.get(`id:${id}`);
    return hash ? this.byHash(hash) : null;
  }

  async list(): Promise<KeyRecord[]> {
    const ids = await this.redis.smembers('ids');
    const records = await Promise.all(ids.map((id) => this.byId(id)));
    return records.filter((r): r is KeyRecord => r !== null);
  }

  async put(record: KeyRecord): Promise<void> {
    await this.redis
      .multi()
      .set(`key:${record.hash}`, JSON.stringify(record))
      .set(`id:${record.id}`, record.hash)
      .sadd('ids', record.id)
      .exec();
  }

  async remove(id: string): Promise<boolean> {
    const hash = await this.redis.get(`id:${id}`);
    if (!hash) return false;
    await this.redis.multi().del(`key:${hash}`).del(`id:${id}`).srem('ids', id).exec();
    return true;
  }

  policies(): Promise<Record<string, Policy>> {
    return this.named<Policy>('policy');
  }

  async putPolicy(name: string, policy: Policy): Promise<void> {
    await this.redis.multi().set(`policy:${name}`, JSON.stringify(policy)).sadd('policies', name).exec();
  }

  teams(): Promise<Record<string, Team>> {
    return this.named<Team>('team');
  }

  async putTeam(name: string, team: Team): Promise<void> {
    await this.redis.multi().set(`team:${name}`, JSON.stringify(team)).sadd('teams', name).exec();
  }

  /** Every entry of a kind (`policy:<name>`, listed in the set `policies`), in one round trip after the names. */
  private async named<T>(kind: 'policy' | 'team'): Promise<Record<string, T>> {
    const names = await this.redis.smembers(kind === 'policy' ? 'policies' : 'teams');
    if (names.length === 0) return {};
    const raws = await this.redis.mget(...names.map((n) => `${kind}:${n}`));
    const out: Record<string, T> = {};
    names.forEach((name, i) => {
      const raw = raws[i];
      if (raw) out[name] = JSON.parse(raw) as T;
    });
    return out;
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
