import type { z } from 'zod';
import { isObject, type Json } from '../dialects/request-fields.js';
import { endpointDenied, invalidValue, keyNotFound } from '../errors/errors.js';
import type { Principal } from '../http/exchange.js';
import { firstIssue, KeyAdmin, limitsSchema, newKeySchema, policySchema, teamSchema, viewOf } from './key-admin.js';
import { KeyPrincipal } from './key-principal.js';
import { BUILTIN_POLICIES, type KeyRecord, type Policy } from './key-record.js';
import type { KeyStore } from './key-store.js';
import { periodsOf, type UsageMeter } from './usage-meter.js';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const NAME = /^[\w.@-]{1,100}$/;

type Operation = (body: Json) => Promise<{ status?: number; body: unknown }>;

/**
 * The admin API (`/api/auth/…`): keys, policies, teams and usage, for a key whose policy is `admin` only. A
 * new or rotated key is in the answer once; stored keys cannot be shown again (there is no `reveal`, by design:
 * only their hash is kept).
 */
export class AdminApi {
  private readonly admin: KeyAdmin;
  readonly reads: Readonly<Record<string, () => Promise<unknown>>>;
  readonly writes: Readonly<Record<string, Operation>>;

  constructor(
    private readonly store: KeyStore,
    private readonly meter: UsageMeter,
    graceMs: number,
    /** Told of every key, policy or team changed, so this instance stops serving the old one at once. */
    private readonly changedKey: (id?: string) => void = () => {},
  ) {
    this.admin = new KeyAdmin(store, graceMs);
    this.reads = {
      keys: async () => ({ keys: (await this.admin.list()).map(viewOf) }),
      policies: async () => ({ policies: { ...BUILTIN_POLICIES, ...(await store.policies()) } }),
      teams: async () => ({ teams: await store.teams() }),
      usage: () => this.usageOfAll(),
    };
    this.writes = {
      keys: async (body) => {
        const { record, key } = await this.admin.create(parsed(newKeySchema, body));
        return { status: 201, body: { key, record: viewOf(record) } };
      },
      'keys/show': async (body) => ({ body: { record: viewOf(await this.known(idIn(body))) } }),
      'keys/disable': (body) => this.changed(idIn(body), (id) => this.admin.setActive(id, false)),
      'keys/enable': (body) => this.changed(idIn(body), (id) => this.admin.setActive(id, true)),
      'keys/limits': (body) => {
        const limits = parsed(limitsSchema, body['limits'] ?? null, 'limits');
        return this.changed(idIn(body), (id) => this.admin.setLimits(id, limits));
      },
      'keys/rotate': async (body) => {
        const id = idIn(body);
        const grace = body['grace_seconds'];
        if (grace !== undefined && (typeof grace !== 'number' || !(grace >= 0)))
          throw invalidValue("'grace_seconds' must be a number of seconds ≥ 0", 'grace_seconds');
        const rotated = await this.admin.rotate(id, grace === undefined ? undefined : grace * 1000);
        if (!rotated) throw keyNotFound();
        this.changedKey(id);
        return {
          status: 201,
          body: { key: rotated.key, record: viewOf(rotated.record), replaced: viewOf(rotated.old) },
        };
      },
      'keys/delete': async (body) => {
        const id = idIn(body);
        if (!(await this.admin.remove(id))) throw keyNotFound();
        this.changedKey(id);
        return { body: { id, deleted: true } };
      },
      policies: async (body) => {
        const name = nameIn(body);
        await this.admin.putPolicy(name, parsed(policySchema, body['policy'] ?? null, 'policy') as Policy);
        this.changedKey();
        return { body: { name, saved: true } };
      },
      teams: async (body) => {
        const name = nameIn(body);
        await this.admin.putTeam(name, parsed(teamSchema, { budgets: body['budgets'] ?? null }));
        this.changedKey();
        return { body: { name, saved: true } };
      },
      usage: async (body) => ({ body: await this.usageOf(body) }),
    };
  }

  /** Only a key whose policy is `admin` (not just any policy that lists the admin group). */
  static allowed(principal: Principal | undefined): void {
    if (!(principal instanceof KeyPrincipal) || principal.record.policy !== 'admin') throw endpointDenied();
  }

  private async known(id: string): Promise<KeyRecord> {
    const record = await this.admin.get(id);
    if (!record) throw keyNotFound();
    return record;
  }

  private async changed(id: string, change: (id: string) => Promise<KeyRecord | null>) {
    const record = await change(id);
    if (!record) throw keyNotFound();
    this.changedKey(id);
    return { body: { record: viewOf(record) } };
  }

  /** One key's or team's usage in a day or month (today by default). */
  private async usageOf(body: Json) {
    const keyId = body['key_id'];
    const team = body['team'];
    const period = body['period'] ?? periodsOf(Date.now()).day;
    if (typeof period !== 'string' || !PERIOD.test(period))
      throw invalidValue("'period' must be a UTC day (YYYY-MM-DD) or month (YYYY-MM)", 'period');
    if ((keyId === undefined) === (team === undefined))
      throw invalidValue("name either 'key_id' or 'team'", keyId === undefined ? 'key_id' : 'team');
    if (keyId !== undefined) {
      if (typeof keyId !== 'string') throw invalidValue("'key_id' must be a string", 'key_id');
      return { key_id: keyId, ...(await this.meter.report('key', keyId, period)) };
    }
    if (typeof team !== 'string' || team === '') throw invalidValue("'team' must be a team's name", 'team');
    return { team, ...(await this.meter.report('team', team, period)) };
  }

  /** Every key's usage today and this month. */
  private async usageOfAll() {
    const { day, month } = periodsOf(Date.now());
    const keys = await this.store.list();
    const ids = keys.map((k) => k.id);
    const [days, months] = await Promise.all([
      this.meter.reports('key', ids, day),
      this.meter.reports('key', ids, month),
    ]);
    const rows = keys.map((k, i) => ({ key_id: k.id, name: k.name, owner: k.owner, day: days[i], month: months[i] }));
    return { day, month, keys: rows };
  }
}

function parsed<S extends z.ZodType>(schema: S, value: unknown, under = ''): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = firstIssue(result.error);
  const param = [under, field].filter(Boolean).join('.');
  throw invalidValue(`Invalid ${under ? `${under}: ` : ''}${message}`, param || null);
}

function idIn(body: Json): string {
  const id = body['id'];
  if (typeof id !== 'string' || id === '') throw invalidValue("'id' must be a key's id (GET /api/auth/keys)", 'id');
  return id;
}

function nameIn(body: Json): string {
  const name = body['name'];
  if (typeof name !== 'string' || !NAME.test(name))
    throw invalidValue("'name' must be 1–100 letters, digits or . _ @ -", 'name');
  return name;
}

export const bodyOf = (body: unknown): Json => {
  if (!isObject(body)) throw invalidValue('The body must be a JSON object', null);
  return body;
};
