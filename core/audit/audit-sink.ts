/** What the auditor records (the reference's section 8.1, with `request_id`, `model` and `provider` added). */
export interface AuditEvent {
  readonly type: 'masking' | 'guardrail_request' | 'guardrail_response' | 'auth';
  readonly request_id: string | null;
  /** The API key's id that made the request (LLM_ROUTER_AUTH_ENABLED), never the key. */
  readonly key_id: string | null;
  readonly endpoint: string | null;
  readonly model: string | null;
  /** Null when the event happens before a provider is chosen (masking, request guardrails). */
  readonly provider: string | null;
  readonly begin: { readonly timestamp: number; readonly payload: unknown };
  readonly end: {
    readonly timestamp: number;
    readonly payload: unknown;
    readonly mappings: Readonly<Record<string, string>>;
  };
}

export interface AuditSink {
  /** Queues a record and returns at once; a request never waits on the disk. */
  record(event: AuditEvent): void;
}

export const AUDIT_SINK = Symbol('AuditSink');

/** Used when no `…_WITH_AUDIT…` variable is on: records nothing. */
export class NoAudit implements AuditSink {
  record(): void {}
}

/** Seconds since the epoch, as the reference's records carry them. */
export const auditTimestamp = () => Date.now() / 1000;
