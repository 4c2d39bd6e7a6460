/**
 * The client's errors, as the Python SDK's (`llm_router_lib`): one base, and a class for the statuses a
 * caller handles differently. `status` is null when no HTTP answer came (network error, timeout).
 */
export class LLMRouterError extends Error {
  override name = 'LLMRouterError';
  constructor(
    message: string,
    readonly status: number | null = null,
    /** The error body's `error.code` (e.g. `content_blocked`), when the router sent one. */
    readonly code: string | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

/** 401: the router refused the token. */
export class AuthenticationError extends LLMRouterError {
  override name = 'AuthenticationError';
}

/** 429 after every retry; `retryAfterSeconds` is the router's last Retry-After. */
export class RateLimitError extends LLMRouterError {
  override name = 'RateLimitError';
  retryAfterSeconds: number | null = null;
}

/** 400: the request was wrong; `field` names what (the error body's `param`). */
export class ValidationError extends LLMRouterError {
  override name = 'ValidationError';
  field: string | null = null;
}

/** The call did not finish within the client's timeout. */
export class TimeoutError extends LLMRouterError {
  override name = 'TimeoutError';
}
