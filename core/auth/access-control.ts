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
import type { StateStore, WindowHit } from '../state/state-store.js';
import { keyHash } from './api-keys.js';
import { KeyPrincipal } from './key-principal.js';
import { BUILTIN_POLICIES, type Policy, type Team } from './key-record.js';
import type { KeyStore } from './key-store.js';
import type { UsageAccount, UsageMeter } from './usage-meter.js';

// A key's record and the policies are read again after this long: a disabled or rotated key stops within it.
const CACHE_MS = 1000;
const MINUTE_MS = 60_000;
// A request that never ends still gives its concurrency slot back after this long.
const SLOT_TTL_MS = 15 * 60_000;

/** What an admitted request carries: the key's holder, the headers to send, and what to do when it ends. */
export interface Admission {
  readonly principal: KeyPrincipal;
  readonly headers: Readonly<Record<string, string>>;
  /** Where its answer's tokens are counted. */
  readonly account: UsageAccount;
  done(): void;
}

/**
 * API keys (LLM_ROUTER_AUTH_ENABLED): a key from `Authorization: Bearer` or `x-api-key`, found by its keyed hash
 * in O(1), checked for being active, unexpired and not rotated past its grace; its policy's endpoint groups; its
 * limits (requests and tokens per sliding minute, requests at once, budgets of the key and its team) in the
 * shared state store, so every instance counts the same. Failed authentications are limited per client address.
 */
export class AccessControl {
  private salt: string | null = null;
  // Principals by key hash: the record and its compiled policy, read again after CACHE_MS.
  private readonly principals = new Map<string, { principal: KeyPrincipal; until: number }>();
  // The same, by the key as sent, for keys that were admitted: the fast path of admit().
  private readonly byKey = new Map<string, { principal: KeyPrincipal; until: number }>();
  private policies: { value: Record<string, Policy>; until: number } = { value: {}, until: 0 };
  private teams: { value: Record<string, Team>; until: number } = { value: {}, until: 0 };
  private readonly publicPaths: ReadonlySet<string>;

  constructor(
    private readonly auth: NonNullable<Settings['auth']>,
    private readonly keys: KeyStore,
    private readonly state: StateStore,
    private readonly meter: UsageMeter,
  ) {
    this.publicPaths = new Set(auth.publicPaths);
  }

  /**
   * A key the admin API changed (or, with no id, a policy or team): this instance reads it again at once, the
   * others within CACHE_MS.
   */
  forget(id?: string): void {
    const stale = (p: KeyPrincipal) => id === undefined || p.keyId === id;
    for (const [k, v] of this.byKey) if (stale(v.principal)) this.byKey.delete(k);
    for (const [h, v] of this.principals) if (stale(v.principal)) this.principals.delete(h);
    this.policies.until = 0;
    this.teams.until = 0;
  }

  isPublic(path: string): boolean {
    return this.publicPaths.has(path);
  }

  /**
   * Admits a request or throws (or rejects with) its refusal. A key seen within CACHE_MS, with limits the
   * in-memory state answers at once, is admitted without a turn of the event loop: the common case costs a map
   * lookup. Anything else (a first sight, a refusal, Redis) takes the asynchronous path.
   */
  admit(req: Request, group: EndpointGroup, requestId: string): Admission | Promise<Admission> {
    const key = req.url.includes('?') ? null : keyOf(req);
    const known = key === null ? undefined : this.byKey.get(key);
    const now = Date.now();
    if (!known || known.until <= now || !usable(known.principal, now) || !known.principal.allowsGroup(group))
      return this.admitSlowly(req, group, requestId);
    const { principal } = known;
    const headers = this.limits(principal);
    if (headers instanceof Promise) return headers.then((h) => this.withSlot(principal, h, requestId));
    return this.withSlot(principal, headers, requestId);
  }

  /**
   * Requests per minute, then tokens per minute and budgets, with the headers of both. With Redis both are a
   * round trip, asked at once; a check that refuses at once does not leave the other's refusal unhandled.
   */
  private limits(principal: KeyPrincipal): Record<string, string> | Promise<Record<string, string>> {
    const requests = this.limit(principal);
    let tokens: Record<string, string> | Promise<Record<string, string>>;
    try {
      tokens = this.meter.check(principal);
    } catch (err) {
      if (requests instanceof Promise) requests.catch(() => {});
      throw err;
    }
    if (requests instanceof Promise || tokens instanceof Promise)
      return Promise.all([requests, tokens]).then(([r, t]) => merged(r, t));
    return merged(requests, tokens);
  }

  private withSlot(
    principal: KeyPrincipal,
    headers: Record<string, string>,
    requestId: string,
  ): Admission | Promise<Admission> {
    const account = this.meter.account(principal);
    const slot = this.takeSlot(principal, requestId);
    if (slot instanceof Promise) return slot.then((done) => ({ principal, headers, account, done }));
    return { principal, headers, account, done: slot };
  }

  private async admitSlowly(req: Request, group: EndpointGroup, requestId: string): Promise<Admission> {
    const client = req.socket.remoteAddress ?? 'unknown';
    let principal: KeyPrincipal;
    try {
      principal = await this.authenticate(req);
    } catch (err) {
      await this.countFailure(client);
      throw err;
    }
    if (!principal.allowsGroup(group)) throw endpointDenied();
    const headers = await this.limits(principal);
    const slot = await this.takeSlot(principal, requestId);
    return { principal, headers, account: this.meter.account(principal), done: slot };
  }

  private async authenticate(req: Request): Promise<KeyPrincipal> {
    // Express parses the query string on each read of req.query.
    if (req.url.includes('?')) {
      const query = req.query;
      for (const param of ['api_key', 'api-key', 'key']) if (query[param] !== undefined) throw keyInQuery(param);
    }
    const key = keyOf(req);
    if (!key) throw missingKey();
    this.salt ??= await this.keys.salt();
    const hash = keyHash(this.salt, key);
    const now = Date.now();
    const cached = this.principals.get(hash);
    const principal = cached && cached.until > now ? cached.principal : await this.load(hash, now);
    const { record } = principal;
    if (record.expires_at !== null && now >= record.expires_at) throw keyExpired();
    if (record.rotated_to !== null && (record.grace_until === null || now >= record.grace_until)) throw keyRotated();
    if (!record.active && record.rotated_to === null) throw keyInactive();
    // Kept by the key itself (only keys that passed): the next request skips the hash as well.
    if (this.byKey.size > 10_000) this.byKey.clear();
    this.byKey.set(key, { principal, until: this.principals.get(hash)!.until });
    return principal;
  }

  /** The key's record and policy from the store; misses are not cached, so a key made a moment ago works. */
  private async load(hash: string, now: number): Promise<KeyPrincipal> {
    const record = await this.keys.byHash(hash);
    if (!record) throw invalidKey();
    const policy = (await this.policyMap())[record.policy];
    // A key naming a policy that does not exist may do nothing: deny by default.
    if (!policy) throw endpointDenied();
    const principal = new KeyPrincipal(
      record,
      policy,
      record.owner ? (await this.teamMap())[record.owner]?.budgets : undefined,
    );
    if (this.principals.size > 100_000) this.principals.clear();
    this.principals.set(hash, { principal, until: now + CACHE_MS });
    return principal;
  }

  private async policyMap(): Promise<Record<string, Policy>> {
    const now = Date.now();
    if (this.policies.until <= now)
      this.policies = { value: { ...BUILTIN_POLICIES, ...(await this.keys.policies()) }, until: now + CACHE_MS };
    return this.policies.value;
  }

  private async teamMap(): Promise<Record<string, Team>> {
    const now = Date.now();
    if (this.teams.until <= now) this.teams = { value: await this.keys.teams(), until: now + CACHE_MS };
    return this.teams.value;
  }

  /** Requests per sliding minute; the x-ratelimit-* headers either way. At once when the state store is memory. */
  private limit(principal: KeyPrincipal): Record<string, string> | Promise<Record<string, string>> {
    const rpm = principal.limits.rpm;
    if (!rpm) return NO_HEADERS;
    const hit = this.state.hit(`ratelimit:rpm:${principal.keyId}`, randomUUID(), MINUTE_MS, rpm);
    return hit instanceof Promise ? hit.then((h) => rpmHeaders(rpm, h)) : rpmHeaders(rpm, hit);
  }

  /** Requests at once: a slot held until the request ends. */
  private takeSlot(principal: KeyPrincipal, requestId: string): (() => void) | Promise<() => void> {
    const max = principal.limits.concurrency;
    if (!max) return NOTHING;
    const key = `ratelimit:concurrent:${principal.keyId}`;
    const holder = `${requestId}:${randomUUID()}`;
    const release = () => {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        void Promise.resolve(this.state.release(key, holder)).catch(() => {});
      };
    };
    const taken = this.state.acquire(key, holder, SLOT_TTL_MS, max);
    const settle = (ok: boolean) => {
      if (!ok) throw rateLimited(`${max} requests at once for this key`, 1);
      return release();
    };
    return taken instanceof Promise ? taken.then(settle) : settle(taken);
  }

  /** Failures per client address and minute: past the limit a failure is answered 429, so guessing learns nothing. */
  private async countFailure(client: string): Promise<void> {
    const hit = await this.state.hit(`authfail:${client}`, randomUUID(), MINUTE_MS, this.auth.failuresPerMinute);
    if (!hit.counted) throw rateLimited('too many failed authentications from this address', hit.resetMs / 1000);
  }
}

const NO_HEADERS: Record<string, string> = {};

const merged = (a: Record<string, string>, b: Record<string, string>) =>
  a === NO_HEADERS ? b : b === NO_HEADERS ? a : { ...a, ...b };
const NOTHING = () => {};

function rpmHeaders(rpm: number, hit: WindowHit): Record<string, string> {
  const headers = {
    'x-ratelimit-limit-requests': String(rpm),
    'x-ratelimit-remaining-requests': String(Math.max(0, rpm - hit.count)),
    'x-ratelimit-reset-requests': `${Math.ceil(hit.resetMs / 1000)}s`,
  };
  if (!hit.counted) throw rateLimited(`${rpm} requests per minute for this key`, hit.resetMs / 1000, headers);
  return headers;
}

/** Still active, unexpired and not rotated past its grace (checked again on the fast path: time moves). */
function usable(principal: KeyPrincipal, now: number): boolean {
  const r = principal.record;
  if (r.expires_at !== null && now >= r.expires_at) return false;
  if (r.rotated_to !== null) return r.grace_until !== null && now < r.grace_until;
  return r.active;
}

function keyOf(req: Request): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim() || null;
  const header = req.headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header : null;
}
