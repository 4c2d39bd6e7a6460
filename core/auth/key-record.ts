import { ENDPOINT_GROUPS, type EndpointGroup } from '../endpoints/endpoint.js';

/** Token and cost budgets per UTC day and calendar month (cost in the unit of the models' `pricing`). */
export interface Budgets {
  readonly tokens_per_day?: number;
  readonly tokens_per_month?: number;
  readonly cost_per_day?: number;
  readonly cost_per_month?: number;
}

export interface KeyLimits extends Budgets {
  /** Requests per minute (a sliding minute). */
  readonly rpm?: number;
  /** Input and output tokens per minute (a sliding minute). */
  readonly tpm?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
}

/** What a policy asks for on top of the gateway's own settings: masking, and guardrails by plugin id. */
export interface PolicyPrivacy {
  /** Every request of its keys is masked, as LLM_ROUTER_FORCE_MASKING does for all. */
  readonly masking?: boolean;
  readonly guardrails?: { readonly request?: readonly string[]; readonly response?: readonly string[] };
}

/** What a key may do: endpoint groups, models (names or globs with `*`), limits, privacy. */
export interface Policy extends PolicyPrivacy {
  readonly endpoints: readonly EndpointGroup[];
  readonly models: readonly string[];
  readonly limits?: KeyLimits;
}

/** A team (the keys' `owner`): budgets shared by all its keys. */
export interface Team {
  readonly budgets: Budgets;
}

/** A key as stored: never the key itself, only its keyed hash. */
export interface KeyRecord {
  readonly id: string;
  readonly hash: string;
  readonly name: string;
  readonly owner: string;
  readonly policy: string;
  /** Per-key limits, over the policy's. */
  readonly limits?: KeyLimits;
  readonly active: boolean;
  readonly created_at: number;
  readonly expires_at: number | null;
  /** Set when the key was rotated: the id of its successor, and until when the old key still works. */
  readonly rotated_to: string | null;
  readonly grace_until: number | null;
}

const CLIENT_GROUPS = ENDPOINT_GROUPS.filter((g) => g !== 'admin' && g !== 'system');

/**
 * The policies every store has. `default` allows the client APIs (not the admin API or `/metrics`) and every
 * model; `admin` allows everything. A policy a store defines under the same name replaces these.
 */
export const BUILTIN_POLICIES: Readonly<Record<string, Policy>> = {
  default: { endpoints: CLIENT_GROUPS, models: ['*'] },
  admin: { endpoints: [...ENDPOINT_GROUPS], models: ['*'] },
};
