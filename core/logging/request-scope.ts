import type { UsageAccount } from '../auth/usage-meter.js';

/**
 * Who a piece of work is for: passed along explicitly (not through AsyncLocalStorage, whose promise hooks cost
 * ~9 % of the pass-through path's throughput on Node 20) to log lines, audit records, providers and sidecars.
 */
export interface RequestScope {
  readonly requestId: string;
  /** The path the client called (audit records name it). */
  readonly endpoint: string;
  /** The API key's id (never the key), when keys are on. */
  readonly keyId?: string;
  /** Where the tokens of the request's answer are counted (usage, budgets), when keys are on. */
  readonly account?: UsageAccount;
}

/** The metadata a log line written for a request carries (the logger prints it as `[request id]`). */
export const scoped = (scope: RequestScope): { request_id: string; key_id?: string } =>
  scope.keyId ? { request_id: scope.requestId, key_id: scope.keyId } : { request_id: scope.requestId };
