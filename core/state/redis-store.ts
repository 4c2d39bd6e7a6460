import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Settings } from '../config/settings.js';
import { stateUnavailable } from '../errors/errors.js';
import type { CountsToAdd, StateStore, StoreState, WindowHit } from './state-store.js';

// A slot key is a sorted set: member = holder, score = expiry (ms). Expired members are dropped first,
// so a crashed holder never blocks a slot beyond its TTL. Each script runs atomically in Redis, on Redis's own
// clock: a command that sat in a client's queue (Redis paused, say) must not write an expiry from the time it
// was queued, and a late renewal must not revive a lease that expired and another instance took.
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const ACQUIRE = `
${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0`;

const RENEW = `
${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
  return 1
end
return 0`;

const COUNT = `
${NOW}
local out = {}
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  out[i] = redis.call('ZCARD', key)
end
return out`;

// A sliding window: like a lease, each hit is a member whose score is its expiry; never released, it leaves
// the window by itself. Returns {counted, count, ms until the oldest leaves}.
const HIT = `
${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local counted = 0
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  counted = 1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local reset = 0
if oldest[2] then reset = tonumber(oldest[2]) - now end
return {counted, redis.call('ZCARD', KEYS[1]), reset}`;

// Counters (usage, token windows): one command per answer however many counters and fields it adds to.
// ARGV per key: its TTL, its number of fields, then field and amount pairs.
const ADD_COUNTS = `
local a = 1
for _, key in ipairs(KEYS) do
  local ttl = ARGV[a]
  local n = tonumber(ARGV[a + 1])
  a = a + 2
  for _ = 1, n do
    redis.call('HINCRBYFLOAT', key, ARGV[a], ARGV[a + 1])
    a = a + 2
  end
  redis.call('PEXPIRE', key, ttl)
end
return 1`;

// The named fields of each counter (ARGV), or all of them when none are named.
const READ_COUNTS = `
local out = {}
for i, key in ipairs(KEYS) do
  if #ARGV == 0 then out[i] = redis.call('HGETALL', key)
  else
    local values = redis.call('HMGET', key, unpack(ARGV))
    local kv = {}
    for j, v in ipairs(values) do
      if v then
        kv[#kv + 1] = ARGV[j]
        kv[#kv + 1] = v
      end
    end
    out[i] = kv
  end
end
return out`;

/** Settings['redis'], with the command deadline (LLM_ROUTER_REDIS_TIMEOUT_SECONDS). */
export type RedisOptions = NonNullable<Settings['redis']>;

/** State shared by every instance and worker through Redis (ioredis), under one key prefix. */
export class RedisStore implements StateStore {
  private readonly redis: Redis;
  private lastError: Error | null = null;
  private subscriber: Redis | null = null;
  private readonly releases = new EventEmitter().setMaxListeners(0);
  private readonly channel: string;

  constructor(options: RedisOptions) {
    this.channel = `${options.prefix}released`;
    this.redis = new Redis({
      host: options.host,
      port: options.port,
      db: options.db,
      password: options.password || undefined,
      keyPrefix: options.prefix,
      lazyConnect: true,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      commandTimeout: options.timeoutMs,
      connectTimeout: options.timeoutMs,
    });
    // Errors reach callers through their commands; the client's own event would only print a stack.
    this.redis.on('error', (err: Error) => (this.lastError = err));
    this.redis.defineCommand('leaseAcquire', { numberOfKeys: 1, lua: ACQUIRE });
    this.redis.defineCommand('leaseRenew', { numberOfKeys: 1, lua: RENEW });
    this.redis.defineCommand('leaseCount', { lua: COUNT });
    this.redis.defineCommand('windowHit', { numberOfKeys: 1, lua: HIT });
    this.redis.defineCommand('addCounts', { lua: ADD_COUNTS });
    this.redis.defineCommand('readCounts', { lua: READ_COUNTS });
  }

  /** Connects at start-up, so a wrong address stops start-up instead of failing the first request. */
  async connect(): Promise<void> {
    try {
      await this.redis.connect();
      await this.redis.ping();
    } catch (err) {
      throw this.lastError ?? err;
    }
  }

  async acquire(key: string, holder: string, ttlMs: number, capacity: number): Promise<boolean> {
    try {
      const ok = await this.command('leaseAcquire', key, holder, ttlMs, Number.isFinite(capacity) ? capacity : 2 ** 31);
      return ok === 1;
    } catch (err) {
      // A command past its deadline may still run: it sits in the socket of a hung Redis and runs when it wakes,
      // taking a lease for a request that already gave up. A release queued behind it on the same connection
      // gives that lease back at once, instead of leaving the provider held for the whole TTL.
      this.release(key, holder).catch(() => {});
      throw err;
    }
  }

  async hit(key: string, holder: string, windowMs: number, limit: number): Promise<WindowHit> {
    const [counted, count, reset] = (await this.command('windowHit', key, holder, windowMs, limit)) as number[];
    return { counted: counted === 1, count: count ?? 0, resetMs: Math.max(0, reset ?? 0) };
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    return (await this.command('leaseRenew', key, holder, ttlMs)) === 1;
  }

  async release(key: string, holder: string): Promise<boolean> {
    const released = (await unavailableIfFailed(this.redis.zrem(key, holder))) === 1;
    // Instances waiting for this provider hear it at once instead of at their next poll.
    if (released) await unavailableIfFailed(this.redis.publish(this.channel, key));
    return released;
  }

  onRelease(listener: (key: string) => void): () => void {
    if (!this.subscriber) {
      // Publishing needs no prefix handling; a subscribed connection can do nothing else, so it is its own.
      this.subscriber = this.redis.duplicate({ keyPrefix: '' });
      this.subscriber.on('error', (err: Error) => (this.lastError = err));
      this.subscriber.on('message', (_channel: string, key: string) => this.releases.emit('released', key));
      void this.subscriber.subscribe(this.channel).catch((err: unknown) => (this.lastError = err as Error));
    }
    this.releases.on('released', listener);
    return () => this.releases.off('released', listener);
  }

  async count(keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    return (await this.command('leaseCount', keys.length, ...keys)) as number[];
  }

  async put(key: string, value: string, ttlMs: number): Promise<void> {
    await unavailableIfFailed(this.redis.set(key, value, 'PX', ttlMs));
  }

  async get(keys: readonly string[]): Promise<Array<string | null>> {
    return keys.length ? unavailableIfFailed(this.redis.mget(...keys)) : [];
  }

  async addCounts(counts: readonly CountsToAdd[]): Promise<void> {
    if (counts.length === 0) return;
    const args: Array<string | number> = [];
    for (const { amounts, ttlMs } of counts) {
      const fields = Object.entries(amounts);
      args.push(ttlMs, fields.length);
      for (const [field, n] of fields) args.push(field, n);
    }
    await this.command('addCounts', counts.length, ...counts.map((c) => c.key), ...args);
  }

  async readCounts(keys: readonly string[], fields: readonly string[] = []): Promise<Array<Record<string, number>>> {
    if (keys.length === 0) return [];
    const replies = (await this.command('readCounts', keys.length, ...keys, ...fields)) as string[][];
    return replies.map((flat) => {
      const out: Record<string, number> = {};
      for (let i = 0; i < flat.length; i += 2) out[flat[i]!] = Number(flat[i + 1]);
      return out;
    });
  }

  async state(): Promise<StoreState> {
    return this.redis.ping().then(
      (r) => (r === 'PONG' ? 'ok' : 'unreachable'),
      () => 'unreachable',
    );
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    this.redis.disconnect();
  }

  private command(name: string, ...args: Array<string | number>): Promise<unknown> {
    return unavailableIfFailed(
      (this.redis as unknown as Record<string, (...a: Array<string | number>) => Promise<unknown>>)[name]!(...args),
    );
  }
}

/** A Redis that failed, was unreachable or too slow is the gateway's state being unavailable: a 503, not a 500. */
function unavailableIfFailed<T>(call: Promise<T>): Promise<T> {
  return call.catch((err: unknown) => {
    throw stateUnavailable(err);
  });
}
