/**
 * Shared state behind one interface: in memory for one process (nothing to install), Redis when several
 * instances or workers must agree. The one primitive is a semaphore of leases: a holder takes a slot on a
 * key for a time (its TTL), renews it while it works, and gives it back exactly once; a holder that dies
 * simply stops renewing, and its slot frees itself when the TTL runs out.
 *
 * The calls every request makes (acquire, release, count) may answer at once: the memory store does, so a
 * request does not pay an event-loop turn for each; Redis answers with promises.
 */
export interface StateStore {
  /** Takes a slot if fewer than `capacity` live holders have one. */
  acquire(key: string, holder: string, ttlMs: number, capacity: number): Promise<boolean> | boolean;
  /** Extends a held slot; false when it had already expired or been released. */
  renew(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives a slot back; true only for the call that actually released it. */
  release(key: string, holder: string): Promise<boolean> | boolean;
  /**
   * A sliding window (rate limits): counts `holder` in `key` for `windowMs` if fewer than `limit` are counted now.
   * Says whether it was counted, how many are counted after it, and in how many ms the oldest leaves the window.
   */
  hit(key: string, holder: string, windowMs: number, limit: number): Promise<WindowHit> | WindowHit;
  /**
   * Adds to the numeric fields of counters (usage, token windows) and sets their times to live, in one round trip.
   * Usage is counted once per answer, after it was sent.
   */
  addCounts(counts: readonly CountsToAdd[]): Promise<void>;
  /** Counters' fields (those named, or all), in the order given (`{}` for one that does not exist or expired). */
  readCounts(
    keys: readonly string[],
    fields?: readonly string[],
  ): Promise<Array<Record<string, number>>> | Array<Record<string, number>>;
  /** Live holders per key, in the order given. */
  count(keys: readonly string[]): Promise<number[]> | number[];
  /** Calls `listener` whenever some holder (in any instance) releases a slot; returns an unsubscribe. */
  onRelease(listener: (key: string) => void): () => void;
  /** A small value with a time to live (health results, host occupancy). */
  put(key: string, value: string, ttlMs: number): Promise<void>;
  get(keys: readonly string[]): Promise<Array<string | null>>;
  /**
   * For readiness and metrics: `ok` when the store answers now (within its deadline), `local` when the shared
   * store does not and this instance serves from its own memory (LLM_ROUTER_REDIS_FAIL_MODE=local),
   * `unreachable` when it does not and requests are refused.
   */
  state(): Promise<StoreState>;
  close(): Promise<void>;
}

export interface CountsToAdd {
  readonly key: string;
  readonly amounts: Readonly<Record<string, number>>;
  readonly ttlMs: number;
}

export interface WindowHit {
  readonly counted: boolean;
  readonly count: number;
  /** Until the oldest entry leaves the window (0 when the window is empty). */
  readonly resetMs: number;
}

export type StoreState = 'ok' | 'local' | 'unreachable';

export const STATE_STORE = Symbol('StateStore');
