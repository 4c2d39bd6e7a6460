import type { KeyRecord, Policy, Team } from './key-record.js';

/**
 * Where keys and policies live: a file for one instance, Redis for several. Lookups are by the keyed hash only
 * (O(1)); the key itself is never stored, so it can never be shown again.
 */
export interface KeyStore {
  /** The salt of the store's keyed hash (made when the store is first written). */
  salt(): Promise<string>;
  byHash(hash: string): Promise<KeyRecord | null>;
  byId(id: string): Promise<KeyRecord | null>;
  list(): Promise<KeyRecord[]>;
  put(record: KeyRecord): Promise<void>;
  remove(id: string): Promise<boolean>;
  policies(): Promise<Record<string, Policy>>;
  putPolicy(name: string, policy: Policy): Promise<void>;
  /** Teams by name (a key's `owner`), with their budgets. */
  teams(): Promise<Record<string, Team>>;
  putTeam(name: string, team: Team): Promise<void>;
  close(): Promise<void>;
}
