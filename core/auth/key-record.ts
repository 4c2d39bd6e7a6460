import { ENDPOINT_GROUPS, type EndpointGroup } from '../endpoints/endpoint.js';

export interface KeyLimits {
  /** Requests per minute (a sliding minute). */
  readonly rpm?: number;
  /** Requests in flight at once. */
  readonly concurrency?: number;
}

/** What a key may do: endpoint groups, models (names or globs with `*`), limits. */
export interface Policy {
  readonly endpoints: readonly EndpointGroup[];
  readonly models: readonly string[];
  readonly limits?: KeyLimits;
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
