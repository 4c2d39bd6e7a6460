/** What the auditor records; issue 6 stores these encrypted. */
export interface MaskingAuditEvent {
  readonly type: 'masking';
  readonly request_id: string | null;
  readonly model: string;
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly mappings: Readonly<Record<string, string>>;
}

export type AuditEvent = MaskingAuditEvent;

export interface AuditSink {
  record(event: AuditEvent): void;
}

export const AUDIT_SINK = Symbol('AuditSink');

/** Used until an auditor is configured: records nothing. */
export class NoAudit implements AuditSink {
  record(): void {}
}
