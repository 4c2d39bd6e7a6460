import { z } from 'zod';
import { ENDPOINT_GROUPS } from '../endpoints/endpoint.js';
import { generateKey, keyHash, newKeyId } from './api-keys.js';
import type { KeyRecord, Policy, Team } from './key-record.js';
import type { KeyStore } from './key-store.js';

const count = z.int().min(1);
const amount = z.number().positive();

const budgetFields = {
  tokens_per_day: count.optional(),
  tokens_per_month: count.optional(),
  cost_per_day: amount.optional(),
  cost_per_month: amount.optional(),
};

export const limitsSchema = z.strictObject({
  rpm: count.optional(),
  tpm: count.optional(),
  concurrency: count.optional(),
  ...budgetFields,
});

export const policySchema = z.strictObject({
  endpoints: z.array(z.enum(ENDPOINT_GROUPS)),
  models: z.array(z.string().min(1)),
  limits: limitsSchema.optional(),
  masking: z.boolean().optional(),
  guardrails: z
    .strictObject({ request: z.array(z.string().min(1)).optional(), response: z.array(z.string().min(1)).optional() })
    .optional(),
});

export const teamSchema = z.strictObject({ budgets: z.strictObject(budgetFields) });

/** What a caller may set on a new key. */
export const newKeySchema = z.strictObject({
  name: z.string().min(1).max(200),
  owner: z.string().max(200).default(''),
  policy: z.string().min(1).default('default'),
  limits: limitsSchema.optional(),
  expires_at: z.int().positive().nullable().default(null),
});

export type NewKey = z.output<typeof newKeySchema>;

/** A key record as shown to an administrator: everything but its hash (which is as good as useless, but kept). */
export type KeyView = Omit<KeyRecord, 'hash'>;

export const viewOf = ({ hash: _hash, ...view }: KeyRecord): KeyView => view;

/** The first problem of a zod result, as `field: why`. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]!;
  return { field: issue.path.join('.'), message: `${issue.path.join('.') || '(body)'}: ${issue.message}` };
}

/**
 * What the CLI and the admin API do to keys, in one place. A new key is returned once, with its record; only
 * its hash is stored, so nothing can show it again (there is no `reveal`, by design).
 */
export class KeyAdmin {
  constructor(
    private readonly store: KeyStore,
    private readonly graceMs: number,
  ) {}

  async create(fields: NewKey): Promise<{ record: KeyRecord; key: string }> {
    return this.issue({
      name: fields.name,
      owner: fields.owner,
      policy: fields.policy,
      ...(fields.limits ? { limits: fields.limits } : {}),
      active: true,
      expires_at: fields.expires_at,
      rotated_to: null,
      grace_until: null,
    });
  }

  get(id: string): Promise<KeyRecord | null> {
    return this.store.byId(id);
  }

  list(): Promise<KeyRecord[]> {
    return this.store.list();
  }

  /** The record after the change, or null when there is no such key. */
  async setActive(id: string, active: boolean): Promise<KeyRecord | null> {
    const record = await this.store.byId(id);
    if (!record) return null;
    const next = { ...record, active };
    await this.store.put(next);
    return next;
  }

  async setLimits(id: string, limits: KeyRecord['limits']): Promise<KeyRecord | null> {
    const record = await this.store.byId(id);
    if (!record) return null;
    const next = { ...record, limits: { ...record.limits, ...limits } };
    await this.store.put(next);
    return next;
  }

  remove(id: string): Promise<boolean> {
    return this.store.remove(id);
  }

  /** A successor with the same name, owner, policy and limits; the old key works for `graceMs` more. */
  async rotate(id: string, graceMs = this.graceMs): Promise<{ old: KeyRecord; record: KeyRecord; key: string } | null> {
    const old = await this.store.byId(id);
    if (!old) return null;
    const { id: _id, hash: _hash, created_at: _created, ...fields } = old;
    const { record, key } = await this.issue({ ...fields, active: true, rotated_to: null, grace_until: null });
    const retired = { ...old, rotated_to: record.id, grace_until: Date.now() + graceMs };
    await this.store.put(retired);
    return { old: retired, record, key };
  }

  putPolicy(name: string, policy: Policy): Promise<void> {
    return this.store.putPolicy(name, policy);
  }

  putTeam(name: string, team: Team): Promise<void> {
    return this.store.putTeam(name, team);
  }

  private async issue(
    fields: Omit<KeyRecord, 'id' | 'hash' | 'created_at'>,
  ): Promise<{ record: KeyRecord; key: string }> {
    const key = generateKey();
    const record: KeyRecord = {
      ...fields,
      id: newKeyId(),
      hash: keyHash(await this.store.salt(), key),
      created_at: Date.now(),
    };
    await this.store.put(record);
    return { record, key };
  }
}
