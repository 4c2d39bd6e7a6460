/**
 * Who a piece of work is for: passed along explicitly (not through AsyncLocalStorage, whose promise hooks cost
 * ~9 % of the pass-through path's throughput on Node 20) to log lines, audit records, providers and sidecars.
 */
export interface RequestScope {
  readonly requestId: string;
  /** The path the client called (audit records name it). */
  readonly endpoint: string;
}

/** The metadata a log line written for a request carries (the logger prints it as `[request id]`). */
export const scoped = (scope: RequestScope): { request_id: string } => ({ request_id: scope.requestId });
