import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Settings } from '../config/settings.js';
import type { EndpointGroup } from '../endpoints/endpoint.js';
import {
  endpointDenied,
  invalidKey,
  keyExpired,
  keyInactive,
  keyInQuery,
  keyRotated,
  missingKey,
  rateLimited,
} from '../errors/errors.js';
import type { StateStore } from '../state/state-store.js';
import { keyHash } from './api-keys.js';
import { KeyPrincipal } from './key-principal.js';
import { BUILTIN_POLICIES, type KeyRecord, type Policy } from './key-record.js';
import type { KeyStore } from './key-store.js';

// A key's record and the policies are read again after this long: a disabled or rotated key stops within it.
const CACHE_MS = 1000;
const MINUTE_MS = 60_000;
// A request that never ends still gives its concurrency slot back after this long.
const SLOT_TTL_MS = 15 * 60_000;

/** What an admitted request carries: the key's holder, the headers to send, and what to do when it ends. */
export interface Admission {
  readonly principal: KeyPrincipal;
  readonly headers: Readonly<Record<string, string>>;
  done(): void;
}

/**
 * API keys (LLM_ROUTER_AUTH_ENABLED): a key from `Authorization: Bearer` or `x-api-key`, found by its keyed hash
 * in O(1), checked for being active, unexpired and not rotated past its grace; its policy's endpoint groups; its
 * limits (requests per sliding minute, requests at once) in the shared state store, so every instance counts the
 * same. Failed authentications are limited per client address.
 */
export class AccessControl {
  private salt: string | null = null;
  private readonly records = new Map<string, { record: KeyRecord | null; until: number }>();
  private policies: { value: Record<string, Policy>; until: number } = { value: {}, until: 0 };
  private readonly publicPaths: ReadonlySet<string>;

  constructor(
    private readonly auth: NonNullable<Settings['auth']>,
    private readonly keys: KeyStore,
    private readonly state: StateStore,
  ) {
    this.publicPaths = new Set(auth.publicPaths);
  }

  isPublic(path: string): boolean {
    return this.publicPaths.has(path);
  }

  async admit(req: Request, group: EndpointGroup, requestId: string): Promise<Admission> {
    const client = req.socket.remoteAddress ?? 'unknown';
    let principal: KeyPrincipal;
    try {
      principal = await this.authenticate(req);
    } catch (err) {
      await this.countFailure(client);
      throw err;
    }
    if (!principal.allowsGroup(group)) throw endpointDenied();
    const headers = await this.limit(principal);
    const slot = await this.takeSlot(principal, requestId);
    return { principal, headers, done: slot };
  }

  private async authenticate(req: Request): Promise<KeyPrincipal> {
    for (const param of ['api_key', 'api-key', 'key']) if (req.query[param] !== undefined) throw keyInQuery(param);
    const key = keyOf(req);
    if (!key) throw missingKey();
    this.salt ??= await this.keys.salt();
    const record = await this.recordOf(keyHash(this.salt, key));
    if (!record) throw invalidKey();
    const now = Date.now();
    if (record.expires_at !== null && now >= record.expires_at) throw keyExpired();
    if (record.rotated_to !== null && (record.grace_until === null || now >= record.grace_until)) throw keyRotated();
    if (!record.active && record.rotated_to === null) throw keyInactive();
    const policy = (await this.policyMap())[record.policy];
    // A key naming a policy that does not exist may do nothing: deny by default.
    if (!policy) throw endpointDenied();
    return new KeyPrincipal(record, policy);
  }

  private async recordOf(hash: string): Promise<KeyRecord | null> {
    const now = Date.now();
    const cached = this.records.get(hash);
    if (cached && cached.until > now) return cached.record;
    const record = await this.keys.byHash(hash);
    if (this.records.size > 100_000) this.records.clear();
    // Misses are not cached: a key made a moment ago must work at once.
    if (record) this.records.set(hash, { record, until: now + CACHE_MS });
    return record;
  }

  private async policyMap(): Promise<Record<string, Policy>> {
    const now = Date.now();
    if (this.policies.until <= now)
      this.policies = { value: { ...BUILTIN_POLICIES, ...(await this.keys.policies()) }, until: now + CACHE_MS };
    return this.policies.value;
  }

  /** Requests per sliding minute; the x-ratelimit-* headers either way. */
  private async limit(principal: KeyPrincipal): Promise<Record<string, string>> {
    const rpm = principal.limits.rpm;
    if (!rpm) return {};
    const hit = await this.state.hit(`ratelimit:rpm:${principal.keyId}`, randomUUID(), MINUTE_MS, rpm);
    const headers = {
      'x-ratelimit-limit-requests': String(rpm),
      'x-ratelimit-remaining-requests': String(Math.max(0, rpm - hit.count)),
      'x-ratelimit-reset-requests': `${Math.ceil(hit.resetMs / 1000)}s`,
    };
    if (!hit.counted) throw rateLimited(`${rpm} requests per minute for this key`, hit.resetMs / 1000, headers);
    return headers;
  }

  /** Requests at once: a slot held until the request ends. */
  private async takeSlot(principal: KeyPrincipal, requestId: string): Promise<() => void> {
    const max = principal.limits.concurrency;
    if (!max) return () => {};
    const key = `ratelimit:concurrent:${principal.keyId}`;
    const holder = `${requestId}:${randomUUID()}`;
    const taken = await this.state.acquire(key, holder, SLOT_TTL_MS, max);
    if (!taken) throw rateLimited(`${max} requests at once for this key`, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      void Promise.resolve(this.state.release(key, holder)).catch(() => {});
    };
  }

  /** Failures per client address and minute: past the limit a failure is answered 429, so guessing learns nothing. */
  private async countFailure(client: string): Promise<void> {
    const hit = await this.state.hit(`authfail:${client}`, randomUUID(), MINUTE_MS, this.auth.failuresPerMinute);
    if (!hit.counted) throw rateLimited('too many failed authentications from this address', hit.resetMs / 1000);
  }
}

function keyOf(req: Request): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim() || null;
  const header = req.headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header : null;
}
