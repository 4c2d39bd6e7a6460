/**
 * Every error code a client can see, with its HTTP status and error type. The one list: a code that is not
 * here cannot be raised (GatewayError takes a key of it), and a test keeps every entry in use.
 * `status` is the default; only `upstream_rejected` carries the provider's own 4xx instead.
 */
export const ERROR_CATALOGUE = {
  invalid_request: { status: 400, type: 'invalid_request_error' },
  invalid_json: { status: 400, type: 'invalid_request_error' },
  invalid_value: { status: 400, type: 'invalid_request_error' },
  missing_required_parameter: { status: 400, type: 'invalid_request_error' },
  model_not_found: { status: 404, type: 'invalid_request_error' },
  model_not_routed: { status: 400, type: 'invalid_request_error' },
  unknown_route: { status: 404, type: 'invalid_request_error' },
  request_too_large: { status: 413, type: 'invalid_request_error' },
  headers_too_large: { status: 431, type: 'invalid_request_error' },
  client_timeout: { status: 408, type: 'invalid_request_error' },
  malformed_http: { status: 400, type: 'invalid_request_error' },
  unsupported_encoding: { status: 415, type: 'invalid_request_error' },
  masking_not_configured: { status: 400, type: 'invalid_request_error' },
  unauthorized: { status: 401, type: 'authentication_error' },
  config_invalid: { status: 422, type: 'invalid_request_error' },
  client_closed: { status: 499, type: 'api_error' },
  content_blocked: { status: 403, type: 'guardrail_error' },
  guardrail_unavailable: { status: 503, type: 'guardrail_error' },
  masker_unavailable: { status: 503, type: 'masker_error' },
  utils_unavailable: { status: 503, type: 'utils_error' },
  state_unavailable: { status: 503, type: 'api_error' },
  shutting_down: { status: 503, type: 'api_error' },
  no_provider_available: { status: 503, type: 'overloaded_error' },
  request_timeout: { status: 504, type: 'upstream_error' },
  upstream_rejected: { status: 400, type: 'invalid_request_error' },
  upstream_rate_limited: { status: 429, type: 'rate_limit_error' },
  upstream_unreachable: { status: 502, type: 'upstream_error' },
  upstream_busy: { status: 503, type: 'overloaded_error' },
  upstream_timeout: { status: 504, type: 'upstream_error' },
  upstream_failed: { status: 502, type: 'upstream_error' },
  upstream_bad_response: { status: 502, type: 'upstream_error' },
  upstream_stream_error: { status: 502, type: 'upstream_error' },
  internal_error: { status: 500, type: 'api_error' },
} as const satisfies Record<string, { status: number; type: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
