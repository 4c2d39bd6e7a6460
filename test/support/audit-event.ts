import type { AuditEvent } from '../../core/audit/audit-sink.js';

/** The masking record of the n-th request, as the pipeline would hand it to the auditor. */
export const maskingEvent = (n: number): AuditEvent => ({
  type: 'masking',
  request_id: `r-${n}`,
  key_id: null,
  endpoint: '/v1/chat/completions',
  model: 'm',
  provider: null,
  begin: { timestamp: n, payload: [`mail ${n}@example.com`] },
  end: { timestamp: n, payload: ['mail {{EMAIL_1}}'], mappings: { '{{EMAIL_1}}': `${n}@example.com` } },
});
