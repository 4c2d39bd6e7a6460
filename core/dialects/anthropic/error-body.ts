import type { GatewayError } from '../../errors/gateway-error.js';

// Anthropic's error types by status (its SDK picks exception classes from the status).
const ANTHROPIC_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  503: 'overloaded_error',
};

const KNOWN = new Set([...Object.values(ANTHROPIC_TYPES), 'api_error']);

/** A backend's rejection keeps its type when Anthropic has that type; otherwise the status picks one. */
export const anthropicErrorBody = (err: GatewayError) => ({
  type: 'error',
  error: {
    type:
      err.upstream?.type && KNOWN.has(err.upstream.type)
        ? err.upstream.type
        : (ANTHROPIC_TYPES[err.status] ?? 'api_error'),
    message: err.message,
  },
});
