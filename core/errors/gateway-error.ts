/**
 * Every error a client can see. Rendered once, in the caller's dialect, by the error handler.
 * Messages must never carry provider hosts or tokens.
 */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly headers: Readonly<Record<string, string>> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'GatewayError';
  }
}

export const invalidRequest = (message: string, param: string | null = null, code = 'invalid_request') =>
  new GatewayError(400, 'invalid_request_error', code, message, param);

export const modelNotFound = (model: string) =>
  new GatewayError(404, 'invalid_request_error', 'model_not_found', `The model '${model}' does not exist`, 'model');

export const routeNotFound = (method: string, path: string) =>
  new GatewayError(404, 'invalid_request_error', 'unknown_route', `No route for ${method} ${path}`);

export const bodyTooLarge = (limit: number) =>
  new GatewayError(413, 'invalid_request_error', 'request_too_large', `Request body exceeds the limit of ${limit} bytes`);

export const upstreamUnreachable = (provider: string) =>
  new GatewayError(502, 'upstream_error', 'upstream_unreachable', `Provider '${provider}' could not be reached`);

export const upstreamTimeout = (provider: string) =>
  new GatewayError(504, 'upstream_error', 'upstream_timeout', `Provider '${provider}' did not answer in time`);

export const upstreamStreamBroken = (provider: string) =>
  new GatewayError(502, 'upstream_error', 'upstream_stream_error', `Provider '${provider}' broke off the stream mid-stream`);

export const upstreamBadResponse = (provider: string, detail: string) =>
  new GatewayError(502, 'upstream_error', 'upstream_bad_response', `Provider '${provider}' sent an invalid response: ${detail}`);

export const internalError = () => new GatewayError(500, 'api_error', 'internal_error', 'An internal error occurred');
